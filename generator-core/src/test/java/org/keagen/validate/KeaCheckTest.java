package org.keagen.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keagen.diagnostic.Diagnostic;
import org.keagen.diagnostic.DiagnosticCode;

class KeaCheckTest {
  private static final String KEA_MISSING = "SKIPPED: kea-dhcp4 is not installed, so the real Kea check "
      + "cannot run. Install it with scripts/install-kea.sh (Debian: apt-get install kea-dhcp4-server), "
      + "or run the whole suite with scripts/test.sh, which does that first.";

  private static final String MINIMAL = """
      {"Dhcp4": {
        "interfaces-config": {"interfaces": ["%s"]},
        "lease-database": {"type": "memfile", "persist": true, "name": "/var/lib/kea/keagen-test-leases4.csv"},
        "control-socket": {"socket-type": "unix", "socket-name": "/run/kea/keagen-test-ctrl"},
        "loggers": [{"name": "kea-dhcp4", "severity": "INFO",
                     "output_options": [{"output": "/var/log/kea/keagen-test.log"}]}],
        "subnet4": [{"id": 1, "subnet": "10.0.0.0/24",
                     "pools": [{"pool": "%s"}],
                     "option-data": [{"name": "routers", "data": "%s"}]}]
      }}
      """;

  private static String config(String iface, String pool, String router) {
    return MINIMAL.formatted(iface, pool, router);
  }

  /** Kea itself: these tests skip, loudly, only where kea-dhcp4 is not installed. */
  @Nested
  class WithRealKea {

    private KeaCheck kea() {
      Optional<KeaCheck> kea = KeaCheck.find();
      if (kea.isEmpty()) {
        // Maven's console does not show assumption messages: say it on stderr too
        System.err.println(KEA_MISSING);
      }
      assumeTrue(kea.isPresent(), KEA_MISSING);
      return kea.get();
    }

    @Test
    void acceptsAMinimalConfig() {
      KeaCheck.Result result = kea().check(config("lo", "10.0.0.100-10.0.0.110", "10.0.0.1"));
      assertTrue(result.accepted(), result.output());
      assertEquals(Optional.empty(), result.toDiagnostic("out.conf"));
    }

    @Test
    void acceptsAnInterfaceThisMachineLacks() {
      KeaCheck.Result result = kea().check(config("eth99", "10.0.0.100-10.0.0.110", "10.0.0.1"));
      assertTrue(result.accepted(), result.output());
    }

    @Test
    void rejectsAPoolOutsideItsSubnetAndSaysSo() {
      KeaCheck.Result result = kea().check(config("eth0", "10.0.1.100-10.0.1.110", "10.0.0.1"));
      assertFalse(result.accepted());
      assertTrue(result.output().contains("10.0.1.100-10.0.1.110"), result.output());
      assertTrue(result.reason().contains("does not match the prefix of a subnet"), result.reason());

      Diagnostic diagnostic = result.toDiagnostic("out.conf").orElseThrow();
      assertTrue(diagnostic.isError());
      assertEquals(DiagnosticCode.KEA_REJECTED, diagnostic.code());
      assertEquals("out.conf", diagnostic.object());
      assertTrue(diagnostic.message().contains("10.0.1.100-10.0.1.110"), diagnostic.message());
      assertFalse(diagnostic.toLine().contains("\n"), diagnostic.toLine());
    }

    @Test
    void rejectsABadOptionValueAndNamesIt() {
      KeaCheck.Result result = kea().check(config("eth0", "10.0.0.100-10.0.0.110", "not-an-address"));
      assertFalse(result.accepted());
      assertTrue(result.reason().contains("not-an-address"), result.reason());
    }

    @Test
    void rejectsTextThatIsNotJson() {
      KeaCheck.Result result = kea().check("{\"Dhcp4\": {");
      assertFalse(result.accepted());
      assertTrue(result.toDiagnostic("x").isPresent());
    }
  }

  /** The mechanics, with a stand-in script for the binary: run even where Kea is missing. */
  @Nested
  class WithStandIn {
    @TempDir
    Path tmp;

    private Path script(String name, String body) throws IOException {
      Path script = tmp.resolve(name);
      Files.writeString(script, "#!/bin/sh\n" + body + "\n");
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
      return script;
    }

    @Test
    void runsInAFreshDirectoryThatIsRemovedAfterwards() throws IOException {
      Path record = tmp.resolve("record.txt");
      Path standIn = script("fake-kea", """
          { pwd; echo "$KEA_PIDFILE_DIR"; echo "$KEA_LOCKFILE_DIR"; echo "$1 $2"; cat "$2"; } > '%s'
          echo "checked"
          """.formatted(record));

      KeaCheck.Result result = KeaCheck.at(standIn).check(config("eth0", "10.0.0.100-10.0.0.110", "10.0.0.1"));

      assertTrue(result.accepted(), result.output());
      assertEquals("checked\n", result.output());
      List<String> lines = Files.readAllLines(record);
      Path dir = Path.of(lines.get(0));
      assertEquals(dir.toString(), lines.get(1), "KEA_PIDFILE_DIR is the run's directory");
      assertEquals(dir.toString(), lines.get(2), "KEA_LOCKFILE_DIR is the run's directory");
      assertEquals("-t " + KeaCheck.CONFIG_NAME, lines.get(3));
      String checked = String.join("\n", lines.subList(4, lines.size()));
      assertFalse(checked.contains("eth0"), checked);
      assertTrue(checked.contains("10.0.0.100-10.0.0.110"), checked);
      assertFalse(Files.exists(dir), "the temporary directory is deleted: " + dir);
    }

    @Test
    void aNonZeroExitIsARejection() throws IOException {
      KeaCheck.Result result = KeaCheck.at(script("fake-kea", "echo 'Error encountered: bad pool' >&2; exit 1"))
          .check("{}");
      assertFalse(result.accepted());
      assertEquals("bad pool", result.reason());
      assertEquals("error[kea-rejected] f.conf: kea-dhcp4 -t rejects the config: bad pool",
          result.toDiagnostic("f.conf").orElseThrow().toLine().replaceAll(" \\(fix: .*\\)$", ""));
    }

    @Test
    void aRunOverTheTimeLimitIsKilledAndRejected() throws IOException {
      KeaCheck check = KeaCheck.at(script("slow-kea", "echo started; exec sleep 30"))
          .withTimeout(Duration.ofMillis(300));
      long start = System.nanoTime();
      KeaCheck.Result result = check.check("{}");
      long elapsedMs = (System.nanoTime() - start) / 1_000_000;

      assertFalse(result.accepted());
      assertTrue(result.output().contains("started"), result.output());
      assertTrue(result.output().contains("did not finish within 300 ms"), result.output());
      assertTrue(elapsedMs < 10_000, "returned after " + elapsedMs + " ms");
    }

    @Test
    void aMissingBinaryIsARejectionNotAnException() {
      KeaCheck.Result result = KeaCheck.at(tmp.resolve("no-such-kea")).check("{}");
      assertFalse(result.accepted());
      assertTrue(result.output().contains("could not run"), result.output());
    }

    @Test
    void findPrefersThePathThenTheFallback() throws IOException {
      Path empty = Files.createDirectory(tmp.resolve("empty"));
      Path bin = Files.createDirectory(tmp.resolve("bin"));
      Path onPath = script("bin/" + KeaCheck.BINARY, "exit 0");
      Path fallback = script("fallback-kea", "exit 0");

      assertEquals(Optional.of(onPath), KeaCheck.find(empty + ":" + bin, fallback).map(KeaCheck::binary));
      assertEquals(Optional.of(fallback), KeaCheck.find(empty.toString(), fallback).map(KeaCheck::binary));
      assertEquals(Optional.of(fallback), KeaCheck.find(null, fallback).map(KeaCheck::binary));
      assertEquals(Optional.empty(), KeaCheck.find(empty.toString(), tmp.resolve("absent")));
    }

    @Test
    void findSkipsAFileThatIsNotExecutable() throws IOException {
      Path bin = Files.createDirectory(tmp.resolve("bin"));
      Files.writeString(bin.resolve(KeaCheck.BINARY), "not a program");
      Path fallback = script("fallback-kea", "exit 0");

      assertEquals(Optional.of(fallback), KeaCheck.find(bin.toString(), fallback).map(KeaCheck::binary));
    }
  }

  @Test
  void theCheckedCopyHasNoInterfacesAndKeepsTheRest() {
    String copy = KeaCheck.withoutInterfaces("""
        // Kea allows comments
        {"Dhcp4": {"interfaces-config": {"interfaces": ["eth0", "eth1/10.0.0.1"], "re-detect": false},
                   "valid-lifetime": 600}}
        """);
    assertEquals("""
        {
          "Dhcp4": {
            "interfaces-config": {
              "interfaces": [],
              "re-detect": false
            },
            "valid-lifetime": 600
          }
        }
        """, copy);
  }

  @Test
  void textThatIsNotAKeaConfigIsPassedOnUnchanged() {
    assertEquals("{\"Dhcp4\": {", KeaCheck.withoutInterfaces("{\"Dhcp4\": {"));
    assertEquals("[1]", KeaCheck.withoutInterfaces("[1]"));
    assertEquals("{\"Dhcp4\": {}}", KeaCheck.withoutInterfaces("{\"Dhcp4\": {}}"));
  }
}
