package org.keagen.source.netbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.keagen.source.SourceException;

class ApiTokenTest {

  @Test
  void theHeaderSchemeFollowsTheTokensForm() throws Exception {
    assertEquals("Bearer nbt_abcdefabcdef.secretsecret", ApiToken.of("nbt_abcdefabcdef.secretsecret\n").authorization());
    assertEquals("Token 0123456789abcdef0123456789abcdef01234567",
        ApiToken.of("  0123456789abcdef0123456789abcdef01234567 ").authorization());
  }

  @Test
  void redactionRemovesTheTokenAndItsSecretPart() throws Exception {
    ApiToken token = ApiToken.of("nbt_abcdefabcdef.TheSecretPart123");
    String redacted = token.redact("header Bearer nbt_abcdefabcdef.TheSecretPart123; echo abcdefabcdef.TheSecretPart123;"
        + " secret TheSecretPart123");
    assertFalse(redacted.contains("TheSecretPart123"), redacted);
    assertFalse(token.toString().contains("TheSecretPart123"));
  }

  @Test
  void aTokenFileIsReadWhenTheFetchStartsAndAMissingOneIsNamed(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path file = dir.resolve("token");
    java.util.function.Supplier<String> supplier = NetboxSourceConfig.tokenFile(file);
    java.nio.file.Files.writeString(file, "nbt_abcdefabcdef.FileSecret123\n");
    assertEquals("Bearer nbt_abcdefabcdef.FileSecret123", ApiToken.of(supplier.get()).authorization());

    java.nio.file.Path missing = dir.resolve("missing");
    SourceException e = assertThrows(SourceException.class, () -> NetboxSource.of(
        NetboxSourceConfig.builder("http://127.0.0.1:9", NetboxSourceConfig.tokenFile(missing)).build()).fetch());
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    assertTrue(e.hint().contains("--token-file"), e.hint());
  }

  @Test
  void malformedTokensAreRefusedWithoutQuotingThem() {
    SourceException empty = assertThrows(SourceException.class, () -> ApiToken.of("  \n"));
    assertTrue(empty.hint().contains("NETBOX_TOKEN"), empty.hint());
    SourceException twoLines = assertThrows(SourceException.class, () -> ApiToken.of("abcSECRETdef\nsecond"));
    assertFalse(twoLines.getMessage().contains("SECRET"), twoLines.getMessage());
    SourceException v2 = assertThrows(SourceException.class, () -> ApiToken.of("nbt_KEYSECRETNODOT"));
    assertFalse(v2.getMessage().contains("KEYSECRETNODOT"), v2.getMessage());
  }
}
