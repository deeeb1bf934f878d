package io.nfttraders;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The marketplace server: one Spring Boot application whose top-level packages are its capabilities. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class NftTradersApplication {

  public static void main(String[] args) {
    SpringApplication.run(NftTradersApplication.class, args);
  }
}
