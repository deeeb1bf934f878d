package io.nfttraders.platform.internal;

import java.beans.PropertyEditorSupport;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Integer query parameters and path variables are ASCII digits. Java reads an integer in any
 * script's digits ("١٢" is 12), and Spring falls back to that reading when a converter refuses a
 * value, so the check is an editor: binding consults editors before anything else.
 */
@ControllerAdvice
class AsciiIntegerParameters {

  private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,19}");

  @InitBinder
  void readIntegersAsAsciiDigits(WebDataBinder binder) {
    binder.registerCustomEditor(int.class, new AsciiInteger(Integer::valueOf));
    binder.registerCustomEditor(Integer.class, new AsciiInteger(Integer::valueOf));
    binder.registerCustomEditor(long.class, new AsciiInteger(Long::valueOf));
    binder.registerCustomEditor(Long.class, new AsciiInteger(Long::valueOf));
  }

  /** One binder's editor: editors hold the value they convert, so none is shared between requests. */
  private static final class AsciiInteger extends PropertyEditorSupport {

    private final Function<String, Number> parse;

    AsciiInteger(Function<String, Number> parse) {
      this.parse = parse;
    }

    @Override
    public void setAsText(String text) {
      String value = text.strip();
      if (value.isEmpty()) {
        setValue(null);
        return;
      }
      if (!INTEGER.matcher(value).matches()) {
        throw new IllegalArgumentException("not an integer in ASCII digits: " + text);
      }
      setValue(parse.apply(value));
    }
  }
}
