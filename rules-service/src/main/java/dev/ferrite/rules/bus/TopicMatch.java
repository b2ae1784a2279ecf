package dev.ferrite.rules.bus;

/** MQTT topic filter matching (MQTT 5 section 4.7), for topics and filters already known to be valid. */
public final class TopicMatch {

    private TopicMatch() {
    }

    public static boolean matches(String filter, String topic) {
        // 4.7.2: a filter starting with a wildcard does not match topics starting with '$'.
        if (topic.startsWith("$") && (filter.startsWith("+") || filter.startsWith("#"))) {
            return false;
        }
        int f = 0;
        int t = 0;
        while (f < filter.length()) {
            char c = filter.charAt(f);
            if (c == '#') {
                return true;
            }
            if (c == '+') {
                int end = topic.indexOf('/', t);
                t = end < 0 ? topic.length() : end;
                f++;
            } else {
                if (t >= topic.length() || topic.charAt(t) != c) {
                    // "a/#" also matches "a": the filter's "/#" may stand for nothing.
                    return t == topic.length() && filter.startsWith("/#", f);
                }
                f++;
                t++;
            }
        }
        return t == topic.length();
    }
}
