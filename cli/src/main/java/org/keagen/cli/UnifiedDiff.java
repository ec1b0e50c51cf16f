package org.keagen.cli;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;

/**
 * The unified diff between the existing file and the new text, as {@code git diff} prints it:
 * {@code --- a/FILE} and {@code +++ b/FILE} headers ({@code /dev/null} for a file that does not
 * exist yet), three lines of context, and git's marker for a missing final newline.
 */
final class UnifiedDiff {
  private static final String NO_NEWLINE = "\\ No newline at end of file";

  private UnifiedDiff() {}

  /**
   * The diff text, ending in a newline; empty when the texts are equal.
   *
   * @param name the file's name in the headers
   * @param before the existing text, or {@code null} when there is no file
   */
  static String of(String name, String before, String after) {
    if (after.equals(before)) {
      return "";
    }
    String label = name.startsWith("/") ? name.substring(1) : name;
    List<String> old = lines(before);
    List<String> neu = lines(after);
    Patch<String> patch = DiffUtils.diff(old, neu);
    List<String> diff = UnifiedDiffUtils.generateUnifiedDiff(before == null ? "/dev/null" : "a/" + label,
        "b/" + label, old, patch, 3);
    StringBuilder out = new StringBuilder();
    for (String line : diff) {
      out.append(line).append('\n');
    }
    return out.toString();
  }

  /**
   * The text's lines; a last line without its newline carries git's marker as a line of its own
   * (after a newline inside the element), so that it differs from the same line with a newline.
   */
  private static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return lines;
    }
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        lines.add(text.substring(start) + "\n" + NO_NEWLINE);
        break;
      }
      lines.add(text.substring(start, end));
      start = end + 1;
    }
    return lines;
  }
}
