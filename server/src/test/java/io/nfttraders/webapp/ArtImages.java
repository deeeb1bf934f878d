package io.nfttraders.webapp;

import io.nfttraders.support.TestImages;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Random;

/** Pictures worth a screenshot: a seeded gradient with a few circles, as PNG. */
final class ArtImages {

  private ArtImages() {}

  static byte[] png(int seed) {
    Random random = new Random(seed);
    BufferedImage image = new BufferedImage(320, 320, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setPaint(new GradientPaint(0, 0, Color.getHSBColor(random.nextFloat(), 0.7f, 0.9f), 320, 320, Color.getHSBColor(random.nextFloat(), 0.8f, 0.5f)));
    g.fillRect(0, 0, 320, 320);
    for (int i = 0; i < 5; i++) {
      g.setColor(Color.getHSBColor(random.nextFloat(), 0.6f, 1f));
      int size = 40 + random.nextInt(120);
      g.fillOval(random.nextInt(320 - size), random.nextInt(320 - size), size, size);
    }
    g.dispose();
    return TestImages.png(image);
  }
}
