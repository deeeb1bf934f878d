package io.nfttraders.ethereum;

/** The NFT standards we index and trade, as ERC-165 tells them apart. */
public enum TokenStandard {
  /** One owner per token: {@code Transfer} (and EIP-2309 {@code ConsecutiveTransfer}) logs. */
  ERC721("0x80ac58cd"),
  /** Balances per holder: {@code TransferSingle} and {@code TransferBatch} logs. */
  ERC1155("0xd9b67a26");

  private final String interfaceId;

  TokenStandard(String interfaceId) {
    this.interfaceId = interfaceId;
  }

  /** The ERC-165 interface id a contract of this standard answers {@code supportsInterface} with true for. */
  public byte[] interfaceId() {
    return java.util.HexFormat.of().parseHex(interfaceId.substring(2));
  }
}
