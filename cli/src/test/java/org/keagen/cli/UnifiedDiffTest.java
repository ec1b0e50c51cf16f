package org.keagen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link UnifiedDiff}: git's headers, hunks and missing-newline marker. */
class UnifiedDiffTest {

  @Test
  void equalTextsHaveNoDiff() {
    assertEquals("", UnifiedDiff.of("kea.conf", "a\nb\n", "a\nb\n"));
  }

  @Test
  void aChangedLineWithContext() {
    assertEquals("""
        --- a/etc/kea.conf
        +++ b/etc/kea.conf
        @@ -1,3 +1,3 @@
         a
        -b
        +B
         c
        """, UnifiedDiff.of("/etc/kea.conf", "a\nb\nc\n", "a\nB\nc\n"));
  }

  @Test
  void aNewFileComesFromDevNull() {
    assertEquals("""
        --- /dev/null
        +++ b/kea.conf
        @@ -0,0 +1,2 @@
        +a
        +b
        """, UnifiedDiff.of("kea.conf", null, "a\nb\n"));
  }

  @Test
  void aMissingFinalNewlineIsShownAsGitShowsIt() {
    assertEquals("""
        --- a/kea.conf
        +++ b/kea.conf
        @@ -1,2 +1,2 @@
         a
        -b
        \\ No newline at end of file
        +b
        """, UnifiedDiff.of("kea.conf", "a\nb", "a\nb\n"));
  }
}
