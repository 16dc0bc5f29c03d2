import { describe, expect, it } from "vitest";
import { distanceKm, nearest } from "@/lib/geo/nearest";

// City centres (WGS-84) and their published great-circle distances (spherical Earth, R = 6371 km):
// Beijing–Shanghai ≈ 1068 km, Beijing–Guangzhou ≈ 1888 km, Jinan–Qingdao ≈ 298 km (the 鲁证通 province),
// London–Paris ≈ 344 km, and a quarter of the equator ≈ 10 008 km.
const BEIJING = { latitude: 39.9042, longitude: 116.4074 };
const SHANGHAI = { latitude: 31.2304, longitude: 121.4737 };
const GUANGZHOU = { latitude: 23.1291, longitude: 113.2644 };
const JINAN = { latitude: 36.6512, longitude: 117.1201 };
const QINGDAO = { latitude: 36.0671, longitude: 120.3826 };
const WEIHAI = { latitude: 37.5131, longitude: 122.1204 };

describe("distanceKm (haversine)", () => {
  it.each([
    ["Beijing–Shanghai", BEIJING, SHANGHAI, 1068],
    ["Beijing–Guangzhou", BEIJING, GUANGZHOU, 1888],
    ["Jinan–Qingdao", JINAN, QINGDAO, 298],
    ["London–Paris", { latitude: 51.5074, longitude: -0.1278 }, { latitude: 48.8566, longitude: 2.3522 }, 344],
    ["equator quarter", { latitude: 0, longitude: 0 }, { latitude: 0, longitude: 90 }, 10008],
  ])("%s", (_name, a, b, km) => {
    expect(distanceKm(a, b)).toBeGreaterThan(km * 0.99);
    expect(distanceKm(a, b)).toBeLessThan(km * 1.01);
    expect(distanceKm(b, a)).toBeCloseTo(distanceKm(a, b), 9);
  });

  it("is 0 for one point and stays finite for antipodes and across the date line", () => {
    expect(distanceKm(BEIJING, BEIJING)).toBe(0);
    expect(distanceKm({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 180 })).toBeCloseTo(Math.PI * 6371.0088, 3);
    expect(distanceKm({ latitude: 0, longitude: 179.5 }, { latitude: 0, longitude: -179.5 })).toBeLessThan(112);
  });
});

describe("nearest", () => {
  const platforms = [
    { id: "none", latitude: null, longitude: null },
    { id: "jinan", ...JINAN },
    { id: "qingdao", ...QINGDAO },
    { id: "weihai", ...WEIHAI },
  ];
  it("picks the nearest platform with coordinates and says how far", () => {
    const inYantai = { latitude: 37.4638, longitude: 121.4479 };
    expect(nearest(platforms, inYantai)).toMatchObject({ item: { id: "weihai" } });
    expect(nearest(platforms, inYantai)!.km).toBeLessThan(65);
    expect(nearest(platforms, { latitude: 36.2, longitude: 117.0 })!.item.id).toBe("jinan");
  });
  it("is null when no platform has coordinates", () => {
    expect(nearest([{ latitude: null, longitude: null }], BEIJING)).toBeNull();
  });
});
