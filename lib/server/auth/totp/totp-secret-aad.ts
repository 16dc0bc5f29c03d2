/** Associated data of a sealed TOTP secret: the column's purpose and its user, so it cannot be moved. */
export function totpSecretAad(userId: string): string {
  return `user.totpSecret:${userId}`;
}
