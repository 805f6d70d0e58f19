/** Minimal typings for the parts of lunar-javascript used by the date recogniser. */
declare module 'lunar-javascript' {
  export interface SolarDate {
    getYear(): number;
    getMonth(): number;
    getDay(): number;
    getLunar(): LunarDate;
    toYmd(): string;
  }
  export interface LunarDate {
    getYear(): number;
    getMonth(): number;
    getDay(): number;
    getSolar(): SolarDate;
    getJieQiTable(): Record<string, SolarDate>;
  }
  export const Solar: { fromYmd(y: number, m: number, d: number): SolarDate };
  export const Lunar: { fromYmd(y: number, m: number, d: number): LunarDate };
}
