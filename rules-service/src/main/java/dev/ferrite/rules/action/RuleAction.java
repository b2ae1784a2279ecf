package dev.ferrite.rules.action;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** An action ready to run: its arguments checked and its templates parsed once, when the rule was loaded. */
public interface RuleAction {

    /**
     * Runs on one output row of the rule. Must not block: work that waits (a publish) is
     * reported through the future.
     *
     * @return completes normally on success (counted as {@code actions.success}), exceptionally
     *         on failure ({@code actions.failed}); may also throw, which counts the same
     */
    CompletableFuture<Void> run(Map<String, Object> row);
}
