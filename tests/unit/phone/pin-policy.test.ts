import { describe, expect, it } from "vitest";
import { isGuessablePin } from "@/lib/server/keys/pin-policy";
import { ZNewPinSchema } from "@/lib/server/keys/keys.types";

const holder = { idNumber: "11010519900307211X", phone: "13912345678" };

describe("PIN policy (what a thief with the phone tries first)", () => {
  it.each(["111111", "123456", "234567", "890123", "987654", "210987", "147147", "131313", "112211", "520131"])("refuses runs, repeats and well-known %s", (pin) => {
    expect(isGuessablePin(pin)).toBe(true);
    expect(ZNewPinSchema.safeParse(pin).success).toBe(false);
  });

  it.each(["900307", "030790", "070390", "199003", "031990"])("refuses the holder's birth date as %s", (pin) => {
    expect(isGuessablePin(pin, holder)).toBe(true);
    expect(isGuessablePin(pin)).toBe(false);
  });

  it("refuses six-digit windows of the ID number", () => {
    for (const pin of ["110105", "101051", "051990", "990030", "307211"]) expect(isGuessablePin(pin, holder), pin).toBe(true);
  });

  it("refuses every six-digit window of the phone number", () => {
    for (const pin of ["139123", "391234", "912345", "123456", "234567", "345678"]) expect(isGuessablePin(pin, holder), pin).toBe(true);
  });

  it("accepts an ordinary PIN", () => {
    for (const pin of ["285714", "730915", "463821", "592614"]) expect(isGuessablePin(pin, holder), pin).toBe(false);
  });
});
