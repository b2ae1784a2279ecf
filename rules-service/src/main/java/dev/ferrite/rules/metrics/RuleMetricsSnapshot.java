package dev.ferrite.rules.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/** One rule's figures at one moment, with the totals derived from their parts so that they always add up. */
public record RuleMetricsSnapshot(long passed, long failedException, long failedNoResult, long actionsSuccess,
        long actionsFailed, double matchedRate, double matchedRateMax, double matchedRateLast5m) {

    public long matched() {
        return passed + failed();
    }

    public long failed() {
        return failedException + failedNoResult;
    }

    public long actionsTotal() {
        return actionsSuccess + actionsFailed;
    }

    /** EMQX's metric names, rates rounded to two decimals (EMQX PR 9185). */
    public Map<String, Object> toEmqxJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("matched", matched());
        json.put("passed", passed);
        json.put("failed", failed());
        json.put("failed.exception", failedException);
        json.put("failed.no_result", failedNoResult);
        json.put("actions.total", actionsTotal());
        json.put("actions.success", actionsSuccess);
        json.put("actions.failed", actionsFailed);
        json.put("matched.rate", round(matchedRate));
        json.put("matched.rate.max", round(matchedRateMax));
        json.put("matched.rate.last5m", round(matchedRateLast5m));
        return json;
    }

    static double round(double rate) {
        return BigDecimal.valueOf(rate).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
