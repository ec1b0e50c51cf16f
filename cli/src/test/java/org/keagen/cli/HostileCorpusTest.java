package org.keagen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * The hostile-input corpus ({@code src/test/resources/org/keagen/cli/hostile}, one file per case,
 * listed with its expected code in {@code cases.tsv}), each run end to end through the command its
 * setup names: {@code keagen generate -o OUT} where OUT holds a good config (most cases), {@code
 * keagen snapshot -o OUT}, or {@code keagen push} of an input file. Each must give exit 1, the
 * expected {@code error[code]} line naming the object, nothing on stdout, no stack trace, no trace
 * of the canary token planted in the inputs, and every file and directory under the working
 * directory as it was, bytes and modification times alike.
 */
class HostileCorpusTest {
  private static final Path CORPUS = corpus();
  /** Planted in the config contexts (and elsewhere) of the inputs under the key api_token. */
  private static final String CANARY = "kgcanary";
  private static final Duration QUICKLY = Duration.ofSeconds(30);

  @TempDir
  Path dir;

  /** One line of {@code cases.tsv}. */
  record Case(String name, String kind, String setup, String code, String object) {
    @Override
    public String toString() {
      return name;
    }
  }

  private record Run(int exit, String out, String err) {}

  private static Path corpus() {
    try {
      return Path.of(HostileCorpusTest.class.getResource("hostile").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Case> cases() throws IOException {
    List<Case> cases = new ArrayList<>();
    for (String line : Files.readAllLines(CORPUS.resolve("cases.tsv"), StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length != 5) {
        throw new IllegalStateException("cases.tsv: expected 5 tab-separated fields: " + line);
      }
      cases.add(new Case(f[0], f[1], f[2], f[3], f[4]));
    }
    return cases;
  }

  private static Run keagen(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = KeagenCommand.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exit = commandLine.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  /** The input file of a case whose setup reads one from {@code inputs/}, or {@code null}. */
  private static Path input(Case c) {
    return switch (c.setup()) {
      case "push-config" -> CORPUS.resolve("inputs").resolve(c.name() + ".conf");
      case "push-snapshot" -> CORPUS.resolve("inputs").resolve(c.name() + ".json");
      default -> null;
    };
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isRefusedWithItsCodeAndChangesNothing(Case c) throws IOException {
    Path good = CORPUS.resolve("good.json");
    Path out = prepare(c, good);
    Path snapshot = c.setup().equals("snapshot") ? CORPUS.resolve("snapshots").resolve(c.name() + ".json") : good;
    Path input = input(c);
    // a push goes to a control socket that is not there: the input must fail before it is tried
    String server = "unix:" + dir.resolve("kea4-ctrl-socket");
    String[] args = switch (c.setup()) {
      case "snapshot-command-output-is-fifo", "snapshot-command-output-is-directory" ->
          new String[] {"snapshot", "--snapshot", good.toString(), "-o", out.toString()};
      case "push-config" -> new String[] {"push", "--config", input.toString(), "--to", server};
      case "push-snapshot" -> new String[] {"push", "--snapshot", input.toString(), "--to", server};
      default -> new String[] {"generate", "--source", "snapshot", "--snapshot", snapshot.toString(), "-o",
          out.toString()};
    };
    DirectoryState.age(dir);
    Map<String, String> before = DirectoryState.of(dir);

    Run run = assertTimeoutPreemptively(QUICKLY, () -> keagen(args));

    assertEquals(KeagenCommand.EXIT_ERROR, run.exit(), run::err);
    assertEquals("", run.out(), "nothing on stdout");
    String expected = "error[" + c.code() + "] " + c.object().replace("{SNAPSHOT}", snapshot.toString())
        .replace("{OUT}", out.toString()).replace("{INPUT}", String.valueOf(input));
    assertTrue(run.err().lines().anyMatch(line -> line.startsWith(expected)),
        () -> "expected a line starting with: " + expected + "\nstderr:\n" + abbreviate(run.err()));
    String closing = args[0].equals("push") ? "nothing was pushed\n" : " errors, nothing written\n";
    assertTrue(run.err().endsWith(closing), () -> abbreviate(run.err()));
    assertFalse(run.err().contains("Exception") || run.err().contains("\tat ") || run.err().contains("Caused by"),
        () -> "a stack trace:\n" + abbreviate(run.err()));
    assertFalse(run.err().contains(CANARY) || run.out().contains(CANARY), () -> "the canary token leaked:\n"
        + abbreviate(run.err()));
    assertEquals(before, DirectoryState.of(dir), "every file and directory is as it was");
  }

  /** Sets up the output path of the case and returns it; OUT starts as a good config where there is one. */
  private Path prepare(Case c, Path good) throws IOException {
    Path out = dir.resolve("kea-dhcp4.conf");
    switch (c.setup()) {
      case "snapshot", "push-config", "push-snapshot" -> {
        Run first = keagen("generate", "--snapshot", good.toString(), "-o", out.toString());
        assertEquals(0, first.exit(), first::err);
        return out;
      }
      case "output" -> {
        Files.write(out, Files.readAllBytes(CORPUS.resolve("outputs").resolve(c.name() + ".conf")));
        return out;
      }
      case "output-is-directory", "snapshot-command-output-is-directory" -> {
        Files.writeString(Files.createDirectory(out).resolve("kept"), "a file in the directory\n");
        return out;
      }
      case "output-directory-missing" -> {
        return dir.resolve("missing").resolve("kea-dhcp4.conf");
      }
      case "output-parent-is-file" -> {
        return Files.writeString(dir.resolve("parent"), "a regular file\n").resolve("kea-dhcp4.conf");
      }
      case "output-is-fifo", "snapshot-command-output-is-fifo" -> {
        DirectoryState.mkfifo(out);
        return out;
      }
      case "output-link-to-directory" -> {
        Path real = Files.createDirectory(dir.resolve("real"));
        return Files.createSymbolicLink(out, real);
      }
      default -> throw new IllegalStateException("cases.tsv: unknown setup " + c.setup());
    }
  }

  private static String abbreviate(String text) {
    return text.length() > 4000 ? text.substring(0, 4000) + "... (" + text.length() + " characters)" : text;
  }

  @Test
  void everyCorpusFileIsACaseAndEveryCaseHasItsFile() throws IOException {
    Set<String> listed = new TreeSet<>();
    for (Case c : cases()) {
      if (c.setup().equals("snapshot")) {
        listed.add("snapshots/" + c.name() + ".json");
      } else if (c.setup().equals("output")) {
        listed.add("outputs/" + c.name() + ".conf");
      } else if (input(c) != null) {
        listed.add("inputs/" + input(c).getFileName());
      }
    }
    Set<String> present = new TreeSet<>();
    for (String sub : List.of("snapshots", "outputs", "inputs")) {
      try (Stream<Path> files = Files.list(CORPUS.resolve(sub))) {
        files.forEach(f -> present.add(sub + "/" + f.getFileName()));
      }
    }
    assertEquals(listed, present);
    assertEquals(cases().size(), cases().stream().map(Case::name).distinct().count(), "case names are unique");
  }

  /**
   * docs/reliability.md states the number of cases and counts them by kind with their codes: the
   * heading, the sum of the table's counts and the codes it lists must be those of cases.tsv.
   */
  @Test
  void theReliabilityDocCountsTheCasesAsTheyAre() throws IOException {
    List<Case> cases = cases();
    Path doc = Path.of(System.getProperty("keagen.repo.dir", "..")).resolve("docs/reliability.md");
    List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
    assertTrue(lines.contains("## The corpus: " + cases.size() + " cases"), "the heading names " + cases.size());
    int header = lines.indexOf("| kind | cases | diagnostic codes |");
    assertTrue(header >= 0, "the table of kinds");
    int counted = 0;
    Set<String> codes = new TreeSet<>();
    for (String row : lines.subList(header + 2, lines.size())) {
      if (!row.startsWith("|")) {
        break;
      }
      String[] cells = row.split(" \\| ");
      counted += Integer.parseInt(cells[cells.length - 2].strip());
      java.util.regex.Matcher code = java.util.regex.Pattern.compile("`([a-z0-9-]+)`").matcher(cells[cells.length - 1]);
      while (code.find()) {
        codes.add(code.group(1));
      }
    }
    assertEquals(cases.size(), counted, "the table's counts add up to the cases");
    assertEquals(cases.stream().map(Case::code).collect(java.util.stream.Collectors.toCollection(TreeSet::new)), codes,
        "the table lists the codes the cases expect");
  }

  @Test
  void theCorpusIsLargeAndMostInputsCarryTheCanary() throws IOException {
    List<Case> cases = cases();
    assertTrue(cases.size() >= 60, "at least 60 cases, found " + cases.size());
    long withCanary = cases.stream().filter(c -> c.setup().equals("snapshot"))
        .filter(c -> contains(CORPUS.resolve("snapshots").resolve(c.name() + ".json"), CANARY)).count();
    assertTrue(withCanary >= 100, "the canary is in " + withCanary + " snapshot cases");
    assertTrue(contains(CORPUS.resolve("good.json"), CANARY), "the good snapshot carries the canary too");
  }

  @Test
  void theGoodSnapshotGeneratesAndItsConfigNeverShowsTheCanary() {
    Run run = keagen("generate", "--snapshot", CORPUS.resolve("good.json").toString());

    assertEquals(0, run.exit(), run::err);
    assertFalse(run.out().contains(CANARY) || run.err().contains(CANARY));
  }

  private static boolean contains(Path file, String text) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      return new String(bytes, StandardCharsets.ISO_8859_1).contains(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
