package io.nfttraders.platform.internal;

import io.nfttraders.platform.ClientTimes;
import io.nfttraders.platform.UnicodeText;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Instants and durations in request bodies are ISO 8601 text, exactly (no number, no padding or
 * control characters, which the JSR-310 readers would take or trim); instants are held to
 * {@link ClientTimes}' range as they are read: a year 300000 is a client's mistake (400, naming
 * the field) rather than a database error later.
 */
@Configuration(proxyBeanMethods = false)
class ClientTimesJson {

  @Bean
  SimpleModule clientTimes() {
    return new SimpleModule("client-times").addDeserializer(Instant.class, new BoundedInstants()).addDeserializer(Duration.class, new IsoDurations());
  }

  /** The text of an ISO 8601 value as the client wrote it: a number, padding or a control character is refused. */
  private static String isoText(JsonParser parser, DeserializationContext context, Class<?> type, String example) {
    if (!parser.hasToken(JsonToken.VALUE_STRING)) {
      throw context.wrongTokenException(parser, type, JsonToken.VALUE_STRING, "ISO 8601 text, e.g. " + example);
    }
    String text = parser.getString();
    if (!text.equals(text.strip()) || UnicodeText.defect(text).isPresent()) {
      throw context.weirdStringException(text, type, "must be ISO 8601 text, e.g. " + example);
    }
    return text;
  }

  private static final class IsoDurations extends ValueDeserializer<Duration> {
    @Override
    public Duration deserialize(JsonParser parser, DeserializationContext context) {
      String text = isoText(parser, context, Duration.class, "PT24H");
      try {
        return Duration.parse(text);
      } catch (DateTimeParseException e) {
        throw context.weirdStringException(text, Duration.class, "must be an ISO 8601 duration, e.g. PT24H");
      }
    }
  }

  private static final class BoundedInstants extends ValueDeserializer<Instant> {
    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) {
      isoText(parser, context, Instant.class, "2026-12-07T12:00:00Z");
      Instant instant = InstantDeserializer.INSTANT.deserialize(parser, context);
      if (instant != null && !ClientTimes.inRange(instant)) {
        throw context.weirdStringException(parser.getString(), Instant.class, "must be between " + ClientTimes.EARLIEST + " and " + ClientTimes.LATEST);
      }
      return instant;
    }
  }
}
