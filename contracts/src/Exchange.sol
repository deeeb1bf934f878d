// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {Ownable, Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {IERC2981} from "@openzeppelin/contracts/interfaces/IERC2981.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {IERC1155} from "@openzeppelin/contracts/token/ERC1155/IERC1155.sol";
import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";
import {
    Order, Status, MintVoucher, IRoyaltyMinter, ExchangeWrongSide, ExchangeInvalidSignature, ExchangeOrderNotOpen,
    ExchangeStaleCounter, ExchangeNotStarted, ExchangeExpired, ExchangeCurrencyNotAllowed, ExchangeWrongPayment,
    ExchangeSelfFill, ExchangeNotMaker, ExchangeZeroPrice, ExchangeUnknownStandard, ExchangeWrongAmount,
    ExchangeZeroAddress, ExchangeFeeTooHigh, ExchangeVoucherRedeemed, ExchangeNotMinter, ExchangeRoyaltyTooHigh
} from "./ExchangeTypes.sol";

/**
 * @title NFT Traders exchange
 * @notice Settles signed orders for an ERC-721 token, or a number of copies of an ERC-1155 token, in one transaction:
 * the token moves and the price is split between the royalty receiver (ERC-2981, capped), the platform and the
 * seller, to the wei. Any contract's tokens trade, not only ours; an ERC-1155 order moves all its copies or none.
 *
 * - A listing (`side == SELL`) is signed by the token's owner and filled by a buyer with `fillListing`, paying in
 *   ETH (`currency == address(0)`, exactly `price` as `msg.value`) or in an allowed ERC-20 pulled from the buyer.
 * - An offer (`side == BUY`) is signed by a buyer, paid in an allowed ERC-20 (WETH) pulled from the offer's
 *   maker, and accepted by the token's owner with `acceptOffer`.
 *
 * Orders are EIP-712 typed data under this contract's domain (name, version, chain id, address), so a signature
 * is good for one exchange on one chain only. Signatures are checked with OpenZeppelin's `SignatureChecker`:
 * ECDSA with low-s only (no malleable twins) for accounts, ERC-1271 for contract wallets. Nothing but the signed
 * order decides what moves: the caller supplies only the order, its signature and (for listings) a recipient.
 *
 * An order is filled at most once. Its maker can cancel it (`cancel`) or every order signed so far
 * (`incrementCounter`: orders carry the maker's counter at signing and only the current counter is fillable).
 * All state changes happen before any external call, and the entry points are non-reentrant.
 *
 * Lazy minting: a creator who may mint in a collection signs a `MintVoucher` (the token's metadata digest, its
 * royalty, its price in ETH, an end time) and pays no gas; `redeemVoucher` mints the token to the buyer (the
 * exchange holds the collection's minter role) and pays the creator the price less the fee, in one transaction. A
 * voucher redeems once; any changed field fails its signature.
 */
contract Exchange is EIP712, Ownable2Step, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    uint8 public constant SELL = 0;
    uint8 public constant BUY = 1;
    uint8 public constant ERC721 = 0;
    uint8 public constant ERC1155 = 1;
    uint16 public constant MAX_FEE_BPS = 1_000;
    uint16 private constant BPS = 10_000;

    bytes32 public constant ORDER_TYPEHASH = keccak256(
        "Order(address maker,uint8 side,address collection,uint8 standard,uint256 tokenId,uint256 amount,address currency,"
        "uint256 price,uint256 startTime,uint256 endTime,uint256 salt,uint256 counter)"
    );

    bytes32 public constant VOUCHER_TYPEHASH = keccak256(
        "MintVoucher(address creator,address collection,bytes32 metadataDigest,uint96 royaltyBps,uint256 price,uint256 endTime,"
        "uint256 salt)"
    );
    bytes32 private constant MINTER_ROLE = keccak256("MINTER_ROLE");

    mapping(bytes32 orderHash => Status) public status;
    mapping(address maker => uint256) public counter;
    mapping(address token => bool) public currencyAllowed;
    address public feeRecipient;
    uint16 public feeBps;
    uint16 public maxRoyaltyBps;
    mapping(bytes32 voucherHash => bool) public voucherRedeemed;

    /// @param royaltyReceiver address(0) when no royalty was paid
    /// @param royaltyCapped the collection asked for more than `maxRoyaltyBps` and got the cap
    event OrderFilled(
        bytes32 indexed orderHash,
        address indexed maker,
        address indexed taker,
        uint8 side,
        address collection,
        uint256 tokenId,
        uint256 amount,
        address currency,
        uint256 price,
        address royaltyReceiver,
        uint256 royaltyAmount,
        bool royaltyCapped,
        address feeRecipient,
        uint256 feeAmount
    );
    event OrderCancelled(bytes32 indexed orderHash, address indexed maker);
    event VoucherRedeemed(
        bytes32 indexed voucherHash,
        address indexed creator,
        address indexed buyer,
        address collection,
        uint256 tokenId,
        uint256 price,
        address feeRecipient,
        uint256 feeAmount
    );
    event CounterIncremented(address indexed maker, uint256 newCounter);
    event FeeChanged(address recipient, uint16 bps);
    event MaxRoyaltyChanged(uint16 bps);
    event CurrencyAllowed(address indexed token, bool allowed);

    struct Split {
        address royaltyReceiver;
        uint256 royalty;
        bool royaltyCapped;
        uint256 fee;
    }

    constructor(address owner_, address feeRecipient_, uint16 feeBps_, uint16 maxRoyaltyBps_, address weth)
        EIP712("NFT Traders Exchange", "3")
        Ownable(owner_)
    {
        _setFees(feeRecipient_, feeBps_, maxRoyaltyBps_);
        _allowCurrency(weth, true);
    }

    /// @notice Buys the token of a listing for `recipient`; pays `price` in the listing's currency.
    function fillListing(Order calldata order, bytes calldata signature, address recipient)
        external
        payable
        nonReentrant
        returns (bytes32 orderHash)
    {
        if (order.side != SELL) revert ExchangeWrongSide(order.side);
        if (recipient == address(0)) revert ExchangeZeroAddress();
        if (msg.sender == order.maker || recipient == order.maker) revert ExchangeSelfFill();
        uint256 expectedValue = order.currency == address(0) ? order.price : 0;
        if (msg.value != expectedValue) revert ExchangeWrongPayment(expectedValue, msg.value);
        orderHash = _open(order, signature);
        status[orderHash] = Status.Filled;

        _transferToken(order, order.maker, recipient);
        Split memory split = _settle(order, msg.sender, order.maker);
        _emitFilled(orderHash, order, recipient, split);
    }

    /// @notice Sells the caller's token to the maker of an offer, who pays `price` in the offer's ERC-20.
    function acceptOffer(Order calldata order, bytes calldata signature) external nonReentrant returns (bytes32 orderHash) {
        if (order.side != BUY) revert ExchangeWrongSide(order.side);
        if (order.currency == address(0)) revert ExchangeCurrencyNotAllowed(address(0));
        if (msg.sender == order.maker) revert ExchangeSelfFill();
        orderHash = _open(order, signature);
        status[orderHash] = Status.Filled;

        _transferToken(order, msg.sender, order.maker);
        Split memory split = _settle(order, order.maker, msg.sender);
        _emitFilled(orderHash, order, msg.sender, split);
    }

    /// @notice Mints the voucher's token to `recipient` and pays its creator: exactly `price` as `msg.value`.
    function redeemVoucher(MintVoucher calldata voucher, bytes calldata signature, address recipient)
        external
        payable
        nonReentrant
        returns (uint256 tokenId)
    {
        if (recipient == address(0)) revert ExchangeZeroAddress();
        if (voucher.price == 0) revert ExchangeZeroPrice();
        if (msg.value != voucher.price) revert ExchangeWrongPayment(voucher.price, msg.value);
        if (block.timestamp >= voucher.endTime) revert ExchangeExpired(voucher.endTime);
        if (voucher.royaltyBps > maxRoyaltyBps) revert ExchangeRoyaltyTooHigh(voucher.royaltyBps, maxRoyaltyBps);
        bytes32 voucherHash = hashVoucher(voucher);
        if (voucherRedeemed[voucherHash]) revert ExchangeVoucherRedeemed(voucherHash);
        if (!SignatureChecker.isValidSignatureNow(voucher.creator, voucherHash, signature)) revert ExchangeInvalidSignature();
        // only a creator the collection lets mint can promise its tokens
        if (!IAccessControl(voucher.collection).hasRole(MINTER_ROLE, voucher.creator)) {
            revert ExchangeNotMinter(voucher.creator, voucher.collection);
        }
        voucherRedeemed[voucherHash] = true;

        tokenId = IRoyaltyMinter(voucher.collection).mint(recipient, voucher.metadataDigest, voucher.creator, voucher.royaltyBps);
        uint256 fee = voucher.price * feeBps / BPS;
        _pay(address(0), msg.sender, feeRecipient, fee);
        _pay(address(0), msg.sender, voucher.creator, voucher.price - fee);
        emit VoucherRedeemed(voucherHash, voucher.creator, recipient, voucher.collection, tokenId, voucher.price, feeRecipient, fee);
    }

    /// @notice The EIP-712 digest a creator signs for a voucher.
    function hashVoucher(MintVoucher calldata voucher) public view returns (bytes32) {
        return _hashTypedDataV4(keccak256(abi.encode(VOUCHER_TYPEHASH, voucher)));
    }

    /// @notice Cancels the caller's own orders; filled or already cancelled ones are refused.
    function cancel(Order[] calldata orders) external {
        for (uint256 i = 0; i < orders.length; i++) {
            if (orders[i].maker != msg.sender) revert ExchangeNotMaker(msg.sender);
            bytes32 orderHash = hashOrder(orders[i]);
            if (status[orderHash] != Status.Open) revert ExchangeOrderNotOpen(orderHash, status[orderHash]);
            status[orderHash] = Status.Cancelled;
            emit OrderCancelled(orderHash, msg.sender);
        }
    }

    /// @notice Invalidates every order the caller signed so far.
    function incrementCounter() external returns (uint256 newCounter) {
        newCounter = ++counter[msg.sender];
        emit CounterIncremented(msg.sender, newCounter);
    }

    function setFees(address recipient, uint16 bps, uint16 maxRoyalty) external onlyOwner {
        _setFees(recipient, bps, maxRoyalty);
    }

    function setCurrencyAllowed(address token, bool allowed) external onlyOwner {
        _allowCurrency(token, allowed);
    }

    /// @notice The EIP-712 digest the maker signs.
    function hashOrder(Order calldata order) public view returns (bytes32) {
        return _hashTypedDataV4(keccak256(abi.encode(ORDER_TYPEHASH, order)));
    }

    function domainSeparator() external view returns (bytes32) {
        return _domainSeparatorV4();
    }

    /// @dev Everything the signed order promises, checked before anything moves.
    function _open(Order calldata order, bytes calldata signature) private view returns (bytes32 orderHash) {
        if (order.price == 0) revert ExchangeZeroPrice();
        if (order.standard > ERC1155) revert ExchangeUnknownStandard(order.standard);
        if (order.standard == ERC721 ? order.amount != 1 : order.amount == 0) revert ExchangeWrongAmount(order.standard, order.amount);
        if (order.currency != address(0) && !currencyAllowed[order.currency]) revert ExchangeCurrencyNotAllowed(order.currency);
        if (block.timestamp < order.startTime) revert ExchangeNotStarted(order.startTime);
        if (order.endTime != 0 && block.timestamp >= order.endTime) revert ExchangeExpired(order.endTime);
        if (order.counter != counter[order.maker]) revert ExchangeStaleCounter(order.counter, counter[order.maker]);
        orderHash = hashOrder(order);
        if (status[orderHash] != Status.Open) revert ExchangeOrderNotOpen(orderHash, status[orderHash]);
        if (!SignatureChecker.isValidSignatureNow(order.maker, orderHash, signature)) revert ExchangeInvalidSignature();
    }

    function _transferToken(Order calldata order, address from, address to) private {
        if (order.standard == ERC721) {
            IERC721(order.collection).safeTransferFrom(from, to, order.tokenId);
        } else {
            IERC1155(order.collection).safeTransferFrom(from, to, order.tokenId, order.amount, "");
        }
    }

    /// @dev Pays royalty, fee and seller from `payer`: ETH from this call's value, or the ERC-20 by transferFrom.
    function _settle(Order calldata order, address payer, address seller) private returns (Split memory split) {
        split = _split(order);
        uint256 proceeds = order.price - split.royalty - split.fee;
        _pay(order.currency, payer, split.royaltyReceiver, split.royalty);
        _pay(order.currency, payer, feeRecipient, split.fee);
        _pay(order.currency, payer, seller, proceeds);
    }

    function _split(Order calldata order) private view returns (Split memory split) {
        split.fee = order.price * feeBps / BPS;
        // A collection without ERC-2981 (or whose royaltyInfo reverts) pays no royalty rather than blocking sales.
        try IERC2981(order.collection).royaltyInfo(order.tokenId, order.price) returns (address receiver, uint256 amount) {
            if (receiver != address(0) && amount != 0) {
                uint256 cap = order.price * maxRoyaltyBps / BPS;
                split.royaltyCapped = amount > cap;
                split.royalty = split.royaltyCapped ? cap : amount;
                // A cap of 0 (maxRoyaltyBps == 0, or a price too small) pays nothing: report no receiver then.
                if (split.royalty != 0) split.royaltyReceiver = receiver;
            }
        } catch {}
    }

    function _pay(address currency, address payer, address to, uint256 amount) private {
        if (amount == 0) return;
        if (currency == address(0)) {
            Address.sendValue(payable(to), amount);
        } else {
            IERC20(currency).safeTransferFrom(payer, to, amount);
        }
    }

    function _emitFilled(bytes32 orderHash, Order calldata order, address taker, Split memory split) private {
        emit OrderFilled(
            orderHash,
            order.maker,
            taker,
            order.side,
            order.collection,
            order.tokenId,
            order.amount,
            order.currency,
            order.price,
            split.royaltyReceiver,
            split.royalty,
            split.royaltyCapped,
            feeRecipient,
            split.fee
        );
    }

    function _setFees(address recipient, uint16 bps, uint16 maxRoyalty) private {
        if (recipient == address(0)) revert ExchangeZeroAddress();
        if (bps > MAX_FEE_BPS || uint256(bps) + maxRoyalty > BPS) revert ExchangeFeeTooHigh(bps, maxRoyalty);
        feeRecipient = recipient;
        feeBps = bps;
        maxRoyaltyBps = maxRoyalty;
        emit FeeChanged(recipient, bps);
        emit MaxRoyaltyChanged(maxRoyalty);
    }

    function _allowCurrency(address token, bool allowed) private {
        if (token == address(0)) revert ExchangeZeroAddress();
        currencyAllowed[token] = allowed;
        emit CurrencyAllowed(token, allowed);
    }
}
