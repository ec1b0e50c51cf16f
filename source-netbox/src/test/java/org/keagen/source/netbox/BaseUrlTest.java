package org.keagen.source.netbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.keagen.source.SourceException;

class BaseUrlTest {

  @Test
  void aTrailingApiAndSlashesAreTolerated() throws Exception {
    for (String given : new String[] {"https://nb.example.net", "https://nb.example.net/", "https://nb.example.net/api",
        "https://nb.example.net/api/"}) {
      BaseUrl url = BaseUrl.parse(given);
      assertEquals("https://nb.example.net", url.display(), given);
      assertEquals("https://nb.example.net/api/ipam/prefixes/", url.api("ipam/prefixes/").build().toString(), given);
    }
  }

  @Test
  void aBasePathIsKept() throws Exception {
    BaseUrl url = BaseUrl.parse("http://10.0.0.1:8080/netbox/api/");
    assertEquals("http://10.0.0.1:8080/netbox", url.display());
    assertEquals("http://10.0.0.1:8080/netbox/api/status/", url.api("status/").build().toString());
  }

  @Test
  void userInfoQueryAndFragmentNeverReachOutput() throws Exception {
    BaseUrl url = BaseUrl.parse("https://admin:hunter2@nb.example.net/?token=abc#x");
    assertEquals("https://nb.example.net", url.display());
    SourceException e = assertThrows(SourceException.class, () -> BaseUrl.parse("ftp://admin:hunter2@nb"));
    assertFalse(e.getMessage().contains("hunter2"));
  }
}
