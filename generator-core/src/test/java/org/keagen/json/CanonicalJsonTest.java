package org.keagen.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {
  @Test
  void keysAreSortedAtEveryDepthArraysKeepTheirOrderAndTheTextEndsWithANewline() throws Exception {
    String text = CanonicalJson.write(new ObjectMapper().readTree("{\"b\":{\"z\":1,\"a\":[3,1]},\"a\":[],\"c\":{}}"));
    assertEquals("{\n  \"a\": [],\n  \"b\": {\n    \"a\": [\n      3,\n      1\n    ],\n    \"z\": 1\n  },\n  \"c\": {}\n}\n", text);
  }
}
