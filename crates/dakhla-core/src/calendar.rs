//! The calendar: proleptic Gregorian dates and Unix days (Howard Hinnant's algorithms), leap
//! years, day of year, month names and UTC time stamps. The one calendar of the program: the
//! weather readers, the synthetic climate, the solar position and the reports all use it.

/// Month names, January first (shared by the climate asset's messages, the GUI and charts).
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Morocco's Ramadan periods: from the start (inclusive) to the end (exclusive) of each, in
/// Unix seconds (UTC), the clocks go back from UTC+1 to UTC+0 (decree 2-18-855 of 2018 made
/// UTC+1 Morocco's legal time all year save Ramadan). The dates are those of the IANA tz
/// database 2025b, zone Africa/Casablanca (rules "Morocco", predicted from the Islamic calendar
/// to 2087; Morocco announces each change a few weeks ahead). Checked against Python's
/// zoneinfo on that database (`tests/fixtures/time/africa-casablanca-2025b.csv`).
pub const MOROCCO_RAMADAN_UTC: [(i64, i64); 71] = [
    (1557021600, 1560045600), // 2019-05-05 02:00 to 2019-06-09 02:00 UTC
    (1587261600, 1590890400), // 2020-04-19 02:00 to 2020-05-31 02:00 UTC
    (1618106400, 1621130400), // 2021-04-11 02:00 to 2021-05-16 02:00 UTC
    (1648346400, 1651975200), // 2022-03-27 02:00 to 2022-05-08 02:00 UTC
    (1679191200, 1682215200), // 2023-03-19 02:00 to 2023-04-23 02:00 UTC
    (1710036000, 1713060000), // 2024-03-10 02:00 to 2024-04-14 02:00 UTC
    (1740276000, 1743904800), // 2025-02-23 02:00 to 2025-04-06 02:00 UTC
    (1771120800, 1774144800), // 2026-02-15 02:00 to 2026-03-22 02:00 UTC
    (1801965600, 1804989600), // 2027-02-07 02:00 to 2027-03-14 02:00 UTC
    (1832205600, 1835834400), // 2028-01-23 02:00 to 2028-03-05 02:00 UTC
    (1863050400, 1866074400), // 2029-01-14 02:00 to 2029-02-18 02:00 UTC
    (1893290400, 1896919200), // 2029-12-30 02:00 to 2030-02-10 02:00 UTC
    (1924135200, 1927159200), // 2030-12-22 02:00 to 2031-01-26 02:00 UTC
    (1954980000, 1958004000), // 2031-12-14 02:00 to 2032-01-18 02:00 UTC
    (1985220000, 1988848800), // 2032-11-28 02:00 to 2033-01-09 02:00 UTC
    (2016064800, 2019088800), // 2033-11-20 02:00 to 2033-12-25 02:00 UTC
    (2046304800, 2049933600), // 2034-11-05 02:00 to 2034-12-17 02:00 UTC
    (2077149600, 2080778400), // 2035-10-28 02:00 to 2035-12-09 02:00 UTC
    (2107994400, 2111018400), // 2036-10-19 02:00 to 2036-11-23 02:00 UTC
    (2138234400, 2141863200), // 2037-10-04 02:00 to 2037-11-15 02:00 UTC
    (2169079200, 2172103200), // 2038-09-26 02:00 to 2038-10-31 02:00 UTC
    (2199924000, 2202948000), // 2039-09-18 02:00 to 2039-10-23 02:00 UTC
    (2230164000, 2233792800), // 2040-09-02 02:00 to 2040-10-14 02:00 UTC
    (2261008800, 2264032800), // 2041-08-25 02:00 to 2041-09-29 02:00 UTC
    (2291248800, 2294877600), // 2042-08-10 02:00 to 2042-09-21 02:00 UTC
    (2322093600, 2325722400), // 2043-08-02 02:00 to 2043-09-13 02:00 UTC
    (2352938400, 2355962400), // 2044-07-24 02:00 to 2044-08-28 02:00 UTC
    (2383178400, 2386807200), // 2045-07-09 02:00 to 2045-08-20 02:00 UTC
    (2414023200, 2417047200), // 2046-07-01 02:00 to 2046-08-05 02:00 UTC
    (2444868000, 2447892000), // 2047-06-23 02:00 to 2047-07-28 02:00 UTC
    (2475108000, 2478736800), // 2048-06-07 02:00 to 2048-07-19 02:00 UTC
    (2505952800, 2508976800), // 2049-05-30 02:00 to 2049-07-04 02:00 UTC
    (2536192800, 2539821600), // 2050-05-15 02:00 to 2050-06-26 02:00 UTC
    (2567037600, 2570666400), // 2051-05-07 02:00 to 2051-06-18 02:00 UTC
    (2597882400, 2600906400), // 2052-04-28 02:00 to 2052-06-02 02:00 UTC
    (2628122400, 2631751200), // 2053-04-13 02:00 to 2053-05-25 02:00 UTC
    (2658967200, 2661991200), // 2054-04-05 02:00 to 2054-05-10 02:00 UTC
    (2689812000, 2692836000), // 2055-03-28 02:00 to 2055-05-02 02:00 UTC
    (2720052000, 2723680800), // 2056-03-12 02:00 to 2056-04-23 02:00 UTC
    (2750896800, 2753920800), // 2057-03-04 02:00 to 2057-04-08 02:00 UTC
    (2781136800, 2784765600), // 2058-02-17 02:00 to 2058-03-31 02:00 UTC
    (2811981600, 2815610400), // 2059-02-09 02:00 to 2059-03-23 02:00 UTC
    (2842826400, 2845850400), // 2060-02-01 02:00 to 2060-03-07 02:00 UTC
    (2873066400, 2876695200), // 2061-01-16 02:00 to 2061-02-27 02:00 UTC
    (2903911200, 2906935200), // 2062-01-08 02:00 to 2062-02-12 02:00 UTC
    (2934756000, 2937780000), // 2062-12-31 02:00 to 2063-02-04 02:00 UTC
    (2964996000, 2968624800), // 2063-12-16 02:00 to 2064-01-27 02:00 UTC
    (2995840800, 2998864800), // 2064-12-07 02:00 to 2065-01-11 02:00 UTC
    (3026080800, 3029709600), // 2065-11-22 02:00 to 2066-01-03 02:00 UTC
    (3056925600, 3060554400), // 2066-11-14 02:00 to 2066-12-26 02:00 UTC
    (3087770400, 3090794400), // 2067-11-06 02:00 to 2067-12-11 02:00 UTC
    (3118010400, 3121639200), // 2068-10-21 02:00 to 2068-12-02 02:00 UTC
    (3148855200, 3151879200), // 2069-10-13 02:00 to 2069-11-17 02:00 UTC
    (3179700000, 3182724000), // 2070-10-05 02:00 to 2070-11-09 02:00 UTC
    (3209940000, 3213568800), // 2071-09-20 02:00 to 2071-11-01 02:00 UTC
    (3240784800, 3243808800), // 2072-09-11 02:00 to 2072-10-16 02:00 UTC
    (3271024800, 3274653600), // 2073-08-27 02:00 to 2073-10-08 02:00 UTC
    (3301869600, 3305498400), // 2074-08-19 02:00 to 2074-09-30 02:00 UTC
    (3332714400, 3335738400), // 2075-08-11 02:00 to 2075-09-15 02:00 UTC
    (3362954400, 3366583200), // 2076-07-26 02:00 to 2076-09-06 02:00 UTC
    (3393799200, 3396823200), // 2077-07-18 02:00 to 2077-08-22 02:00 UTC
    (3424644000, 3427668000), // 2078-07-10 02:00 to 2078-08-14 02:00 UTC
    (3454884000, 3458512800), // 2079-06-25 02:00 to 2079-08-06 02:00 UTC
    (3485728800, 3488752800), // 2080-06-16 02:00 to 2080-07-21 02:00 UTC
    (3515968800, 3519597600), // 2081-06-01 02:00 to 2081-07-13 02:00 UTC
    (3546813600, 3549837600), // 2082-05-24 02:00 to 2082-06-28 02:00 UTC
    (3577658400, 3580682400), // 2083-05-16 02:00 to 2083-06-20 02:00 UTC
    (3607898400, 3611527200), // 2084-04-30 02:00 to 2084-06-11 02:00 UTC
    (3638743200, 3641767200), // 2085-04-22 02:00 to 2085-05-27 02:00 UTC
    (3669588000, 3672612000), // 2086-04-14 02:00 to 2086-05-19 02:00 UTC
    (3699828000, 3703456800), // 2087-03-30 02:00 to 2087-05-11 02:00 UTC
];

/// Whether the instant `unix_s` (UTC) falls in one of Morocco's Ramadan periods
/// ([`MOROCCO_RAMADAN_UTC`]).
pub fn in_morocco_ramadan(unix_s: i64) -> bool {
    let k = MOROCCO_RAMADAN_UTC.partition_point(|&(start, _)| start <= unix_s);
    k > 0 && unix_s < MOROCCO_RAMADAN_UTC[k - 1].1
}

/// Days since 1970-01-01 of a proleptic Gregorian civil date (Howard Hinnant's algorithm).
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = month as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Civil date (year, month 1..=12, day 1..=31) of a day count since 1970-01-01.
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// True for leap years of the Gregorian calendar.
pub fn is_leap_year(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Format a Unix time as `YYYY-MM-DDTHH:MM:SSZ`.
pub fn format_utc(unix_s: i64) -> String {
    let days = unix_s.div_euclid(86_400);
    let secs = unix_s.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        secs / 3600,
        (secs % 3600) / 60,
        secs % 60
    )
}

/// Day of the year (1..=366) of a day count since 1970-01-01.
pub fn day_of_year(days: i64) -> u32 {
    let (year, _, _) = civil_from_days(days);
    (days - days_from_civil(year, 1, 1) + 1) as u32
}

/// Days in `month` (1..=12) of `year`.
pub fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip_and_known_dates() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        for z in [-1000, 0, 11_017, 20_000, 30_000] {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z);
        }
        assert_eq!(format_utc(1_700_000_000), "2023-11-14T22:13:20Z");
    }

    #[test]
    fn morocco_ramadan_hours_match_the_tz_database() {
        // Every hour of 2026, 2029 and 2030 and the seconds around each change, as Python's
        // zoneinfo reads the IANA tz database 2025b for Africa/Casablanca.
        let fixture = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/fixtures/time/africa-casablanca-2025b.csv"
        ))
        .expect("the fixture reads");
        let mut checked = 0;
        for line in fixture.lines().filter(|l| !l.starts_with('#')).skip(1) {
            let (t, off) = line.split_once(',').expect("two columns");
            let t: i64 = t.parse().expect("a time");
            let off: i64 = off.parse().expect("an offset");
            let ours = if in_morocco_ramadan(t) { 0 } else { 1 };
            assert_eq!(ours, off, "at {}", format_utc(t));
            checked += 1;
        }
        assert!(checked > 26_000, "{checked}");
        // The periods are in order and none overlaps the next.
        assert!(
            MOROCCO_RAMADAN_UTC
                .windows(2)
                .all(|w| w[0].0 < w[0].1 && w[0].1 < w[1].0)
        );
        assert_eq!(
            format_utc(MOROCCO_RAMADAN_UTC[10].0),
            "2029-01-14T02:00:00Z"
        );
    }

    #[test]
    fn day_of_year_and_month_lengths() {
        assert_eq!(day_of_year(days_from_civil(2024, 1, 1)), 1);
        assert_eq!(day_of_year(days_from_civil(2024, 12, 31)), 366);
        assert_eq!(day_of_year(days_from_civil(2023, 12, 31)), 365);
        assert_eq!(day_of_year(days_from_civil(-4713, 11, 24)), 328);
        let total: u32 = (1..=12).map(|m| days_in_month(2028, m)).sum();
        assert_eq!(total, 366);
        assert_eq!(days_in_month(1900, 2), 28);
        assert_eq!(days_in_month(2000, 2), 29);
    }
}
