// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

// Test doubles for safeTransferFrom (compiled by the tests only).

import {IERC721Receiver} from "@openzeppelin/contracts/token/ERC721/IERC721Receiver.sol";

/// @notice Accepts every token and records the last call.
contract AcceptingReceiver is IERC721Receiver {
    address public lastOperator;
    address public lastFrom;
    uint256 public lastTokenId;
    bytes public lastData;

    function onERC721Received(address operator, address from, uint256 tokenId, bytes calldata data) external returns (bytes4) {
        lastOperator = operator;
        lastFrom = from;
        lastTokenId = tokenId;
        lastData = data;
        return IERC721Receiver.onERC721Received.selector;
    }
}

/// @notice Reverts without a reason.
contract RevertingReceiver {
    function onERC721Received(address, address, uint256, bytes calldata) external pure returns (bytes4) {
        revert();
    }
}

/// @notice Returns a value other than the ERC-721 magic value.
contract WrongValueReceiver {
    function onERC721Received(address, address, uint256, bytes calldata) external pure returns (bytes4) {
        return 0xdeadbeef;
    }
}

/// @notice Reverts with its own custom error, which must bubble up.
contract CustomErrorReceiver {
    error Rejected(uint256 tokenId);

    function onERC721Received(address, address, uint256 tokenId, bytes calldata) external pure returns (bytes4) {
        revert Rejected(tokenId);
    }
}

/// @notice Has code but no onERC721Received.
contract NonReceiver {
    uint256 public dummy;
}
