package dev.ferrite.gateway.leak;

import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class after which Netty reports a leaked buffer. Registered for every test class
 * through {@code META-INF/services} (JUnit extension auto-detection, switched on in
 * {@code junit-platform.properties}). A buffer leaked on another thread may be reported only
 * after its own class has finished: the report's access records say where it was used.
 */
public class FailOnNettyLeaks implements AfterAllCallback {

    @Override
    public void afterAll(ExtensionContext context) {
        boolean nested = context.getParent().flatMap(ExtensionContext::getTestClass).isPresent();
        if (nested) {
            return; // checked once, after the outermost class
        }
        LeakReports.surface();
        failIfAny(context.getDisplayName(), LeakReports.takeAll());
    }

    static void failIfAny(String testClass, List<String> leaks) {
        if (!leaks.isEmpty()) {
            throw new AssertionError(leaks.size() + " Netty buffer leak(s) reported by the end of " + testClass
                    + " (possibly leaked by a class that ran before it):\n\n" + String.join("\n\n", leaks));
        }
    }
}
