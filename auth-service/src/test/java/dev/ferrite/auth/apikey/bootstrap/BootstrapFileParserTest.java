package dev.ferrite.auth.apikey.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.ferrite.apikeyguard.ApiRole;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BootstrapFileParserTest {

    private static final String SECRET = "Sup3rS3cretValue";

    @TempDir
    Path directory;

    @Test
    void skipsCommentsAndBlankLinesAndKeepsLineNumbers() throws IOException {
        Path file = write("""
                # API keys applied at start
                
                   # an indented comment
                ops:%s:administrator
                \t
                reader:%s:viewer
                """.formatted(SECRET, SECRET));

        assertThat(BootstrapFileParser.parse(file)).containsExactly(
                new BootstrapKey(4, "ops", SECRET, ApiRole.ADMINISTRATOR),
                new BootstrapKey(6, "reader", SECRET, ApiRole.VIEWER));
    }

    @Test
    void anEmqx44AppIdAndSecretLineIsAnAdministrator() throws IOException {
        Path file = write("myapp:" + SECRET + "\n");

        assertThat(BootstrapFileParser.parse(file)).containsExactly(
                new BootstrapKey(1, "myapp", SECRET, ApiRole.ADMINISTRATOR));
    }

    @ParameterizedTest
    @CsvSource({"administrator, ADMINISTRATOR", "viewer, VIEWER", "publisher, PUBLISHER"})
    void readsEachRole(String roleName, ApiRole role) throws IOException {
        Path file = write("key1:" + SECRET + ":" + roleName + "\n");

        assertThat(BootstrapFileParser.parse(file)).containsExactly(new BootstrapKey(1, "key1", SECRET, role));
    }

    @Test
    void stripsSpacesAroundFieldsAndLines() throws IOException {
        Path file = write("  key1 : " + SECRET + " : viewer  \r\n");

        assertThat(BootstrapFileParser.parse(file)).containsExactly(
                new BootstrapKey(1, "key1", SECRET, ApiRole.VIEWER));
    }

    @Test
    void anEmptyFileHasNoKeys() throws IOException {
        assertThat(BootstrapFileParser.parse(write("# nothing yet\n\n"))).isEmpty();
    }

    @Test
    void rejectsALineWithTooManyFields() throws IOException {
        Path file = write("# header\nkey1:" + SECRET + ":viewer:extra\n");

        assertFails(file, 2).hasMessageContaining("expected key:secret or key:secret:role, found 4 fields");
    }

    @Test
    void rejectsALineWithTooFewFields() throws IOException {
        Path file = write("key1:" + SECRET + "\n" + SECRET + "\n");

        assertFails(file, 2).hasMessageContaining("found 1 field");
    }

    @Test
    void rejectsAnEmptyKey() throws IOException {
        Path file = write(" :" + SECRET + "\n");

        assertFails(file, 1).hasMessageContaining("the key is empty");
    }

    @Test
    void rejectsAKeyWithSpaces() throws IOException {
        Path file = write("my key:" + SECRET + "\n");

        assertFails(file, 1).hasMessageContaining("without spaces");
    }

    @Test
    void rejectsAnEmptySecret() throws IOException {
        Path file = write("key1:\nkey2: :viewer\n");

        assertFails(file, 1).hasMessageContaining("the secret of key 'key1' is empty");
    }

    @Test
    void rejectsASecretThatIsTooLong() throws IOException {
        String longSecret = SECRET.repeat(100);
        Path file = write("key1:" + longSecret + "\n");

        assertFails(file, 1, longSecret).hasMessageContaining("longer than 1024 characters");
    }

    @Test
    void rejectsAnUnknownRoleAndListsTheKnownOnes() throws IOException {
        Path file = write("key1:" + SECRET + ":superuser\n");

        assertFails(file, 1)
                .hasMessageContaining("the third field is not a role")
                .hasMessageContaining("administrator, viewer, publisher");
    }

    @Test
    void aSecretHoldingAColonIsNotEchoedAsARole() throws IOException {
        Path file = write("key1:first-half:second-half-xyzzy\n");

        assertFails(file, 1, "second-half-xyzzy").hasMessageContaining("a secret cannot contain ':'");
    }

    @Test
    void rejectsADuplicateKeyNamingBothLines() throws IOException {
        Path file = write("key1:" + SECRET + "\n# comment\nkey2:" + SECRET + "\nkey1:other-" + SECRET + ":viewer\n");

        assertFails(file, 4).hasMessageContaining("key 'key1' is already defined on line 1");
    }

    @Test
    void rejectsAMissingFile() {
        Path file = directory.resolve("absent.keys");

        assertThatThrownBy(() -> BootstrapFileParser.parse(file))
                .isInstanceOf(BootstrapFileException.class)
                .hasMessage("API key bootstrap file " + file + ": the file does not exist");
    }

    @Test
    void rejectsAFileThatIsNotUtf8() throws IOException {
        Path file = directory.resolve("latin1.keys");
        Files.write(file, ("key1:s\u00e9cret-" + SECRET + "\n").getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> BootstrapFileParser.parse(file))
                .isInstanceOf(BootstrapFileException.class)
                .hasMessage("API key bootstrap file " + file + ": the file is not UTF-8 text")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
    }

    @Test
    void readsUtf8Secrets() throws IOException {
        Path file = write("key1:s\u00e9cret\u2713\n");

        assertThat(BootstrapFileParser.parse(file)).singleElement()
                .satisfies(key -> assertThat(key.secret()).isEqualTo("s\u00e9cret\u2713"));
    }

    @Test
    void ignoresAByteOrderMarkAtTheStart() throws IOException {
        Path file = write("\uFEFFops:" + SECRET + "\n");

        assertThat(BootstrapFileParser.parse(file)).containsExactly(
                new BootstrapKey(1, "ops", SECRET, ApiRole.ADMINISTRATOR));
    }

    @Test
    void ignoresAByteOrderMarkBeforeAComment() throws IOException {
        Path file = write("\uFEFF# keys\nops:" + SECRET + "\n");

        assertThat(BootstrapFileParser.parse(file)).containsExactly(
                new BootstrapKey(2, "ops", SECRET, ApiRole.ADMINISTRATOR));
    }

    @Test
    void aKeysTextFormNeverShowsTheSecret() throws IOException {
        BootstrapKey key = BootstrapFileParser.parse(write("key1:" + SECRET + "\n")).get(0);

        assertThat(key.toString()).contains("key1").doesNotContain(SECRET);
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertFails(Path file, int lineNumber) {
        return assertFails(file, lineNumber, SECRET);
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertFails(Path file, int lineNumber, String secret) {
        return assertThatThrownBy(() -> BootstrapFileParser.parse(file))
                .isInstanceOf(BootstrapFileException.class)
                .hasMessageStartingWith("API key bootstrap file " + file + ", line " + lineNumber + ": ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secret));
    }

    private Path write(String content) throws IOException {
        Path file = directory.resolve("api-keys.txt");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
