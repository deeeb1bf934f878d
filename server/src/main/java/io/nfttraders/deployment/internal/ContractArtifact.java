package io.nfttraders.deployment.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A compiled contract as the contracts module's build writes it (contracts/<Name>.json). */
record ContractArtifact(String name, String bytecode, String deployedBytecode) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  static ContractArtifact load(String name) {
    String resource = "contracts/" + name + ".json";
    try (InputStream in = ContractArtifact.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing compiled contract " + resource + "; build the contracts module");
      }
      JsonNode artifact = JSON.readTree(in);
      return new ContractArtifact(name, artifact.get("bytecode").asString(), artifact.get("deployedBytecode").asString().toLowerCase(java.util.Locale.ROOT));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
