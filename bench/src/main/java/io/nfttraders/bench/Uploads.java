package io.nfttraders.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;

/** What a minting client uploads: small real PNGs, each different (content is stored by CID), and their metadata. */
final class Uploads {

  private static final int SIDE = 16;

  private Uploads() {}

  /** A 16x16 PNG of noise, about 800 bytes, determined by {@code seed}. */
  static byte[] png(long seed) {
    BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(seed);
    for (int x = 0; x < SIDE; x++) {
      for (int y = 0; y < SIDE; y++) {
        image.setRGB(x, y, random.nextInt(0xFFFFFF));
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static Map<String, Object> metadata(long seed) {
    return Map.of("name", "Bench #" + seed, "description", "benchmark token " + seed,
        "attributes", List.of(Map.of("trait_type", "run", "value", Long.toString(seed % 97))));
  }

  /** The body of one POST /api/v1/nfts. */
  static Multipart single(long seed) {
    return new Multipart()
        .file("image", "image-" + seed + ".png", "image/png", png(seed))
        .json("metadata", Api.JSON.writeValueAsString(metadata(seed)))
        .close();
  }

  /** The body of one POST /api/v1/nfts/batch with {@code items} tokens, seeds {@code firstSeed ..}. */
  static Multipart drop(long firstSeed, int items) {
    Multipart body = new Multipart();
    List<Map<String, Object>> metadata = new ArrayList<>(items);
    for (int i = 0; i < items; i++) {
      body.file("images", "image-" + (firstSeed + i) + ".png", "image/png", png(firstSeed + i));
      metadata.add(metadata(firstSeed + i));
    }
    return body.json("metadata", Api.JSON.writeValueAsString(metadata)).close();
  }
}
