package io.nfttraders.platform.internal;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * Request values read as they are written, with no guessing: a JSON object with the same key twice
 * is refused (which one would count?), an integer is a JSON integer (not a string, which Java would
 * read in any script's digits, nor a fraction cut off), and a string is a JSON string (not a
 * number or a boolean turned into text). Integers in a URL: {@link AsciiIntegerParameters}.
 */
@Configuration(proxyBeanMethods = false)
class StrictRequestValues {

  @Bean
  JsonMapperBuilderCustomizer strictJson() {
    return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .withCoercionConfig(LogicalType.Integer, config -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
        .withCoercionConfig(LogicalType.Textual, config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
  }
}
