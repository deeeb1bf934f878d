package io.nfttraders.content.internal;

import io.nfttraders.content.InvalidContentPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Names inside a directory and the paths that walk them. A segment that could mean something
 * else to a file system or a browser ({@code ..}, a backslash, a NUL) is refused rather than
 * interpreted, so no path can ever leave the directory it starts from.
 */
public final class PathSegments {

  static final int MAX_SEGMENT_BYTES = 255;
  static final int MAX_PATH_CHARS = 4096;

  private PathSegments() {}

  public static boolean isValid(String segment) {
    if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
      return false;
    }
    if (segment.getBytes(StandardCharsets.UTF_8).length > MAX_SEGMENT_BYTES) {
      return false;
    }
    return segment.chars().noneMatch(c -> c == '/' || c == '\\' || Character.isISOControl(c));
  }

  /**
   * Splits a path relative to a directory ({@code 7}, {@code /7}, {@code sub/7.json/}); an empty
   * path or {@code /} names the directory itself.
   *
   * @throws InvalidContentPath on an empty, dot or otherwise invalid segment
   */
  public static List<String> split(String path) {
    if (path.length() > MAX_PATH_CHARS) {
      throw new InvalidContentPath("The path is longer than " + MAX_PATH_CHARS + " characters");
    }
    String trimmed = path;
    if (trimmed.startsWith("/")) {
      trimmed = trimmed.substring(1);
    }
    if (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    List<String> segments = new ArrayList<>();
    if (trimmed.isEmpty()) {
      return segments;
    }
    for (String segment : trimmed.split("/", -1)) {
      if (!isValid(segment)) {
        throw new InvalidContentPath("The path has an empty, '.', '..' or otherwise invalid segment");
      }
      segments.add(segment);
    }
    return segments;
  }
}
