package io.nfttraders.platform.internal;

import java.util.regex.Pattern;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * Request values read as they are written, with no guessing: a JSON object with the same key twice
 * is refused (which one would count?), an integer is a JSON integer (not a string, which Java would
 * read in any script's digits, nor a fraction cut off), a string is a JSON string (not a number or
 * a boolean turned into text), and an integer query parameter is ASCII digits.
 */
@Configuration(proxyBeanMethods = false)
class StrictRequestValues implements WebMvcConfigurer {

  private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,19}");

  @Bean
  JsonMapperBuilderCustomizer strictJson() {
    return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .withCoercionConfig(LogicalType.Integer, config -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
        .withCoercionConfig(LogicalType.Textual, config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
  }

  @Override
  public void addFormatters(FormatterRegistry registry) {
    registry.addConverter(String.class, Integer.class, (Converter<String, Integer>) value -> Integer.valueOf(asciiInteger(value)));
    registry.addConverter(String.class, Long.class, (Converter<String, Long>) value -> Long.valueOf(asciiInteger(value)));
  }

  private static String asciiInteger(String value) {
    String text = value.strip();
    if (!INTEGER.matcher(text).matches()) {
      throw new IllegalArgumentException("not an integer in ASCII digits: " + value);
    }
    return text;
  }
}
