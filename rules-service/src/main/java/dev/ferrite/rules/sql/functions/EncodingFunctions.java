package dev.ferrite.rules.sql.functions;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import dev.ferrite.rules.sql.value.EvaluationFailure;
import dev.ferrite.rules.sql.value.Json;
import dev.ferrite.rules.sql.value.Values;

/**
 * base64, JSON and hex. Rule values hold text, not bytes: data is encoded from its UTF-8 bytes,
 * and decoded bytes become text again (UTF-8 when they are, else one character per byte).
 */
final class EncodingFunctions {

    private EncodingFunctions() {
    }

    static void register(FunctionTable table) {
        table.define("base64_encode", 1, 3, (args, scope) -> base64Encoder(args).encodeToString(bytes(Args.text(args, 0))));
        table.define("base64_decode", 1, 3, (args, scope) -> text(base64Decode(args)));
        table.define("json_encode", 1, (args, scope) -> Json.encode(args[0]));
        table.define("json_decode", 1, (args, scope) -> jsonDecode(Args.string(args, 0)));
        table.define("bin2hexstr", 1, (args, scope) -> HexFormat.of().withUpperCase().formatHex(bytes(Args.text(args, 0))));
        table.define("hexstr2bin", 1, (args, scope) -> text(hexDecode(Args.string(args, 0))));
    }

    private static Object jsonDecode(String text) {
        try {
            return Json.decode(text);
        } catch (Json.NotJsonException e) {
            throw new EvaluationFailure("not JSON: " + Values.describe(text) + " (" + e.getMessage() + ")");
        }
    }

    private static List<String> options(Object[] args) {
        return args.length == 1 ? List.of() : List.of(args).subList(1, args.length).stream()
                .map(option -> option instanceof String text ? text : Values.text(option)).toList();
    }

    private static Base64.Encoder base64Encoder(Object[] args) {
        List<String> options = options(args);
        Base64.Encoder encoder = options.contains("urlsafe") ? Base64.getUrlEncoder() : Base64.getEncoder();
        return options.contains("no_padding") ? encoder.withoutPadding() : encoder;
    }

    private static byte[] base64Decode(Object[] args) {
        String data = Args.string(args, 0);
        List<String> options = options(args);
        try {
            return (options.contains("urlsafe") ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(data);
        } catch (IllegalArgumentException e) {
            throw new EvaluationFailure("not base64: " + Values.describe(data));
        }
    }

    private static byte[] hexDecode(String hex) {
        try {
            return HexFormat.of().parseHex(hex.length() % 2 == 1 ? "0" + hex : hex);
        } catch (IllegalArgumentException e) {
            throw new EvaluationFailure("not a hex string: " + Values.describe(hex));
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }
}
