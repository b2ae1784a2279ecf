package dev.ferrite.gateway.metrics;

/** MQTT reason codes as tags and keys: {@code 0x87}. */
final class ReasonCodes {

    private static final String[] HEX = new String[256];

    static {
        for (int code = 0; code < HEX.length; code++) {
            HEX[code] = String.format("0x%02X", code);
        }
    }

    private ReasonCodes() {
    }

    static String hex(int reasonCode) {
        return HEX[reasonCode & 0xFF];
    }
}
