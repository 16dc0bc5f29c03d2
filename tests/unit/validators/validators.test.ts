import { describe, expect, it } from "vitest";
import { isValidUscc } from "@/lib/validators/uscc";
import { isValidIdNumber } from "@/lib/validators/id-number";
import { isValidBankCard } from "@/lib/validators/bank-card";
import { maskBankCard, maskIdNumber, maskName } from "@/lib/validators/mask";

describe("isValidUscc (GB 32100-2015)", () => {
  it("accepts published codes", () => {
    // GB 32100-2015's own worked example computes check character 3 for 91350100M000100Y4_.
    expect(isValidUscc("91350100M000100Y43")).toBe(true);
    // Codes used as valid examples by hutool's CreditCodeUtil tests and real licences.
    expect(isValidUscc("91310110666007217T")).toBe(true);
    expect(isValidUscc("91310115591693856A")).toBe(true);
    expect(isValidUscc("92371000MA3MXH0E3W")).toBe(true);
  });
  it("refuses a wrong check character (the standard's own counter-example)", () => {
    expect(isValidUscc("91350100M000100Y4Z")).toBe(false);
    // An early pilot-region code that does not satisfy the national check (hutool's negative example).
    expect(isValidUscc("91350211M00013FA1N")).toBe(false);
  });
  it("refuses letters outside the alphabet, bad lengths, lower case and letters in the region code", () => {
    expect(isValidUscc("91350100M000100YI3")).toBe(false); // I
    expect(isValidUscc("91350100M000100YO3")).toBe(false); // O
    expect(isValidUscc("9135010OM000100Y43")).toBe(false); // letter at 3–8
    expect(isValidUscc("91350100M000100Y4")).toBe(false);
    expect(isValidUscc("91350100M000100Y433")).toBe(false);
    expect(isValidUscc("91310110666007217t")).toBe(false);
    expect(isValidUscc("")).toBe(false);
  });
});

describe("isValidIdNumber (GB 11643-1999)", () => {
  it("accepts the standard's examples", () => {
    expect(isValidIdNumber("11010519491231002X")).toBe(true);
    expect(isValidIdNumber("440524188001010014")).toBe(true);
    expect(isValidIdNumber("11010519491231002x")).toBe(true);
  });
  it("refuses a wrong check character", () => {
    expect(isValidIdNumber("110105194912310021")).toBe(false);
    expect(isValidIdNumber("440524188001010015")).toBe(false);
  });
  it("refuses impossible or future birth dates even with a matching check character", () => {
    const withCheck = (first17: string) => {
      const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
      const sum = [...first17].reduce((s, d, i) => s + Number(d) * w[i]!, 0);
      return first17 + "10X98765432"[sum % 11];
    };
    expect(isValidIdNumber(withCheck("11010519490230002"))).toBe(false); // 30 February
    expect(isValidIdNumber(withCheck("11010519491301002"))).toBe(false); // month 13
    expect(isValidIdNumber(withCheck("11010599991231002"))).toBe(false); // future
    expect(isValidIdNumber(withCheck("11010517001231002"))).toBe(false); // before 1800
    expect(isValidIdNumber(withCheck("11010520000229002"))).toBe(true); // leap day
  });
  it("refuses the 15-digit form, letters and wrong lengths", () => {
    expect(isValidIdNumber("110105491231002")).toBe(false);
    expect(isValidIdNumber("1101051949123100XX")).toBe(false);
    expect(isValidIdNumber("11010519491231002X0")).toBe(false);
  });
});

describe("isValidBankCard (Luhn, 16–19 digits)", () => {
  it("accepts published test cards", () => {
    expect(isValidBankCard("6200000000000005")).toBe(true); // UnionPay test card (Stripe docs)
    expect(isValidBankCard("6205500000000000004")).toBe(true); // 19-digit UnionPay test card
    expect(isValidBankCard("4242424242424242")).toBe(true);
    expect(isValidBankCard("6200 0000 0000 0005")).toBe(true); // grouped as printed
  });
  it("refuses a wrong check digit and bad lengths", () => {
    expect(isValidBankCard("6200000000000006")).toBe(false);
    expect(isValidBankCard("620000000000005")).toBe(false); // 15 digits
    expect(isValidBankCard("62000000000000000000")).toBe(false); // 20 digits
    expect(isValidBankCard("62000000000000a5")).toBe(false);
  });
});

describe("masks", () => {
  it("hide what a reviewer does not need", () => {
    expect(maskIdNumber("11010519491231002X")).toBe("110105********002X");
    expect(maskBankCard("6205500000000000004")).toBe("6205 **** **** 0004");
    expect(maskName("张三")).toBe("张*");
    expect(maskName("欧阳娜娜")).toBe("欧***");
    expect(maskName("John Smith")).toBe("J*** S****");
  });
});
