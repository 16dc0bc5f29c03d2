export * from "./escrow.types";
export { kmkIdOf } from "./kmk-id";
export { escrowShare } from "./escrow-share";
export { checkEscrowBinding } from "./check-escrow-binding";
export { openEscrow } from "./open-escrow";
export { ESCROW_FACTOR_ONE, advanceEscrowFactor, applyEscrowFactor } from "./escrow-factor";
export { openRecoveredShare, sealRecoveredShare } from "./recovery-transfer";
export { combineShares, splitSecret, type ShamirShare } from "./shamir";
