package org.keagen.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keagen.ExampleFiles;

class KeyGuessTest {
  private static final List<String> KEYS = List.of("reserved_addresses", "devices");

  private static long guess(String json) throws IOException {
    return KeyGuess.first(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), KEYS);
  }

  /** Where a parser finds the first of {@link #KEYS} among the top-level keys: the offset the main read compares. */
  private static long topLevelKey(byte[] json) throws IOException {
    try (JsonParser parser = new JsonFactory().createParser(json)) {
      parser.nextToken();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        if (KEYS.contains(parser.currentName())) {
          return parser.currentTokenLocation().getByteOffset();
        }
        parser.nextToken();
        parser.skipChildren();
      }
      return -1;
    }
  }

  @Test
  void theGuessIsWhereTheParserFindsTheKeyInEachExample() throws IOException {
    for (Path example : ExampleFiles.exampleDirs()) {
      byte[] json = Files.readAllBytes(example.resolve("snapshot.json"));
      long expected = topLevelKey(json);
      assertTrue(expected > 0, example + " has a section the second parser reads");
      assertEquals(expected, KeyGuess.first(new ByteArrayInputStream(json), KEYS), example.toString());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"devices\": []}",
      "{\"a\": 1,\"devices\":[]}",
      "{\"a\": 1 ,\n\t \"devices\" \r\n : []}",
      "{\"a\": [\"devices\", \"reserved_addresses\"], \"b\": \"devices\", \"devices\": []}",
      "{\"a\": \"x\\\",\\\"devices\\\": \", \"devices\": []}",
      "{\"a\": {\"x\": 1}, \"reserved_addresses\": [], \"devices\": []}",
      "{\"a\": 1, \"device\": 2, \"devicesx\": 3, \"rdevices\": 4, \"devices\": []}"})
  void theFirstKeyIsFoundAndNothingElse(String json) throws IOException {
    assertEquals(topLevelKey(json.getBytes(StandardCharsets.UTF_8)), guess(json), json);
  }

  @Test
  void aKeyOfANestedObjectIsOnlyAGuess() throws IOException {
    String json = "{\"pool_addresses\": [{\"devices\": 1}], \"devices\": []}";
    assertEquals(json.indexOf("\"devices\""), guess(json));
  }

  @Test
  void noKeyIsNoGuess() throws IOException {
    assertEquals(-1, guess("{\"prefixes\": [\"devices\"], \"x\": {\"r\": \"d\"}}"));
    assertEquals(-1, guess(""));
  }

  @Test
  void aKeyIsFoundAtEveryOffsetAcrossTheReadsChunks() throws IOException {
    // where the first and second reads' searches end, and the context around that (the text goes on)
    for (int boundary : new int[] {KeyGuess.CHUNK + KeyGuess.CONTEXT, 2 * KeyGuess.CHUNK + KeyGuess.CONTEXT}) {
      for (int at = boundary - 2 * KeyGuess.CONTEXT; at < boundary + 40; at += at < boundary - 24 ? 5 : 1) {
        String filler = "{\"pool_addresses\": [" + "1,".repeat((at - 30) / 2) + "1";
        String json = filler + " ".repeat(at - filler.length() - 3) + "], \"devices\": [], \"tail\": \""
            + "x".repeat(2 * KeyGuess.CHUNK) + "\"}";
        assertEquals(at, json.indexOf("\"devices\""));
        assertEquals(at, guess(json), "key at " + at);
      }
    }
  }
}
