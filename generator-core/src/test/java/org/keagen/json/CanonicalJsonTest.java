package org.keagen.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.keagen.ExampleFiles;

class CanonicalJsonTest {
  @Test
  void keysAreSortedAtEveryDepthArraysKeepTheirOrderAndTheTextEndsWithANewline() throws Exception {
    String text = CanonicalJson.write(new ObjectMapper().readTree(
        "{\"b\":{\"z\":1,\"a\":[3,1]},\"a\":[],\"c\":{},\"d\":{\"a\":1,\"c\":2,\"b\":3},\"e\":{\"x\":1,\"y\":2}}"));
    assertEquals("{\n  \"a\": [],\n  \"b\": {\n    \"a\": [\n      3,\n      1\n    ],\n    \"z\": 1\n  },\n  \"c\": {},\n"
        + "  \"d\": {\n    \"a\": 1,\n    \"b\": 3,\n    \"c\": 2\n  },\n  \"e\": {\n    \"x\": 1,\n    \"y\": 2\n  }\n}\n", text);
  }

  @Test
  void everyKindOfValueIsWrittenAsJacksonWritesIt() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("text", "tab\t quote\" slash\\ é ✓ \u0001");
    node.put("int", -7);
    node.put("long", 4_294_967_294L);
    node.put("double", 0.5);
    node.put("decimal", new BigDecimal("1.50"));
    node.put("big", new BigInteger("123456789012345678901234567890"));
    node.put("true", true);
    node.putNull("null");
    node.putArray("nested").addObject().putArray("empty");
    assertEquals("{\n  \"big\": 123456789012345678901234567890,\n  \"decimal\": 1.50,\n  \"double\": 0.5,\n"
        + "  \"int\": -7,\n  \"long\": 4294967294,\n  \"nested\": [\n    {\n      \"empty\": []\n    }\n  ],\n"
        + "  \"null\": null,\n  \"text\": \"tab\\t quote\\\" slash\\\\ é ✓ \\u0001\",\n  \"true\": true\n}\n",
        CanonicalJson.write(node));
    assertEquals(CanonicalJson.write(node), streamed(node));
    assertEquals(CanonicalJson.write(node), new String(CanonicalJson.writeUtf8(node), StandardCharsets.UTF_8));
  }

  @Test
  void theUtf8BytesOfATextOfManyBlocksAreTheTextInUtf8() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    var array = node.putArray("reservations");
    for (int i = 0; i < 20_000; i++) {
      array.addObject().put("hostname", "höst-" + i).put("ip-address", "10.0." + (i >> 8) + "." + (i & 255));
    }
    String text = CanonicalJson.write(node);
    assertTrue(text.length() > 1_000_000, "several of the builder's blocks");
    assertEquals(text, new String(CanonicalJson.writeUtf8(node), StandardCharsets.UTF_8));
  }

  @Test
  void theStreamedAndReturnedBytesAreTheTextInUtf8ForEveryExampleConfig() throws Exception {
    for (Path example : ExampleFiles.exampleDirs()) {
      try (var files = Files.list(example)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".json") || f.toString().endsWith(".conf")).toList()) {
          JsonNode tree = new ObjectMapper().readTree(Files.readString(file));
          assertEquals(CanonicalJson.write(tree), streamed(tree), file.toString());
          assertEquals(CanonicalJson.write(tree), new String(CanonicalJson.writeUtf8(tree), StandardCharsets.UTF_8),
              file.toString());
        }
      }
    }
  }

  private static String streamed(JsonNode node) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      CanonicalJson.write(node, out);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
