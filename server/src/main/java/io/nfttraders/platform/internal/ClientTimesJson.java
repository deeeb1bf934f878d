package io.nfttraders.platform.internal;

import io.nfttraders.platform.ClientTimes;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Instants in request bodies are held to {@link ClientTimes}' range as they are read, so a
 * year 300000 is a client's mistake (400, naming the field) rather than a database error later.
 */
@Configuration(proxyBeanMethods = false)
class ClientTimesJson {

  @Bean
  SimpleModule clientTimes() {
    return new SimpleModule("client-times").addDeserializer(Instant.class, new BoundedInstants());
  }

  private static final class BoundedInstants extends ValueDeserializer<Instant> {
    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) {
      Instant instant = InstantDeserializer.INSTANT.deserialize(parser, context);
      if (instant != null && !ClientTimes.inRange(instant)) {
        return (Instant) context.handleWeirdStringValue(Instant.class, parser.getString(),
            "must be between " + ClientTimes.EARLIEST + " and " + ClientTimes.LATEST);
      }
      return instant;
    }
  }
}
