#!/usr/bin/env bash
# Seed the fuzz corpora (fuzz/corpus/<target>/, git-ignored) from the repository's own files:
# the shipped scenarios, the schema fixtures, the CSV fixtures, a generated EPW year and CSV
# weather files, and the inputs kept in tests/fixtures/fuzz/<target>/. Run from anywhere:
#     fuzz/seed.sh
# then e.g. `cargo +nightly fuzz run scenario_load` (see README, Fuzzing).
set -euo pipefail
cd "$(dirname "$0")/.."
shopt -s nullglob

corpus=fuzz/corpus
mkdir -p "$corpus"/{scenario_load,epw_read,csv_read,set_override,shard_merge,writer}

copy() { # copy <target> <files...>
    local target=$1
    shift
    for f in "$@"; do
        cp "$f" "$corpus/$target/$(basename "$(dirname "$f")")-$(basename "$f")"
    done
}

# --- scenario_load: every scenario file the repository has ------------------------------
copy scenario_load scenarios/*.ron tests/fixtures/schema/*.ron tests/malformed/*.ron \
    tests/fixtures/fuzz/scenario_load/*

# --- epw_read: a full hourly year (2029, 8760 rows) and damaged headers -------------------
epw_header() { # epw_header <records per hour>
    printf 'LOCATION,Dakhla,-,MAR,seed,600960,23.72,-15.93,0.0,10.0\n'
    printf 'DESIGN CONDITIONS,0\nTYPICAL/EXTREME PERIODS,0\nGROUND TEMPERATURES,0\n'
    printf 'HOLIDAYS/DAYLIGHT SAVINGS,No,0,0,0\nCOMMENTS 1,written by fuzz/seed.sh\nCOMMENTS 2,\n'
    printf 'DATA PERIODS,1,%s,Data,Monday, 1/ 1,12/31\n' "$1"
}
epw_rows() { # epw_rows <year> <days in February> [rows]: hourly rows, a few values missing
    awk -v year="$1" -v feb="$2" -v limit="${3:-9000}" 'BEGIN {
        split("31 " feb " 31 30 31 30 31 31 30 31 30 31", days, " ")
        row = 0
        for (m = 1; m <= 12; m++) for (d = 1; d <= days[m]; d++) for (h = 1; h <= 24; h++) {
            sun = (h >= 7 && h <= 18) ? int(900 * sin((h - 6.5) / 12 * 3.14159)) : 0
            temp = 18 + 6 * sin((h - 9) / 24 * 6.28318)
            ghi = (row % 997 == 5) ? 9999 : sun
            wind = (row % 1499 == 7) ? "" : 6 + (row % 5)
            printf "%d,%d,%d,%d,60,?9,%.1f,11.0,70,101300,0,1415,350,%d,%d,%d,999999,999999,", \
                year, m, d, h, temp, ghi, int(sun * 0.8), int(sun * 0.2)
            printf "999999,9999,20,%s,5,3,20.0,77777,9,999999999,20,0.07,0,88,0.2,0.0,1.0\n", wind
            if (++row >= limit) exit
        }
    }'
}
{ epw_header 1; epw_rows 2029 28; } >"$corpus/epw_read/generated-2029.epw"
{ epw_header 1; epw_rows 2028 29; } >"$corpus/epw_read/generated-2028-leap.epw"
epw_header 1 >"$corpus/epw_read/header-only.epw"
{ epw_header 4; epw_rows 2029 28 30; } >"$corpus/epw_read/fifteen-minute-truncated.epw"
{ epw_header 1; epw_rows 2029 28 48; } >"$corpus/epw_read/two-days.epw"
copy epw_read tests/fixtures/fuzz/epw_read/*

# --- csv_read: the CSV fixtures and generated weather CSVs -------------------------------
copy csv_read tests/fixtures/*.csv tests/fixtures/fuzz/csv_read/*
csv_rows() { # csv_rows <hours> <separator> <minutes per step>
    awk -v hours="$1" -v sep="$2" -v step="$3" 'BEGIN {
        for (i = 0; i < hours * 60 / step; i++) {
            t = i * step; d = 1 + int(t / 1440); h = int((t % 1440) / 60); mi = t % 60
            ghi = (h >= 7 && h <= 18) ? 100 * (h - 6) : 0
            temp = sprintf("%.1f", 18 + h / 4); if (sep == ";") sub(/\./, ",", temp)
            if (i % 17 == 3) ghi = ""
            printf "2029-01-%02dT%02d:%02d:00Z%s%s%s%d%s%d%s%s%s6.1%s1013.2\n", \
                d, h, mi, sep, ghi, sep, ghi * 0.8, sep, ghi * 0.2, sep, temp, sep, sep
        }
    }'
}
{
    printf '# Dakhla met mast\n# latitude: 23.72\n# longitude: -15.93\n# elevation_m: 10\n'
    printf '# wind_height_m: 40\n# name: Dakhla mast\n'
    printf 'timestamp,ghi,dni,dhi,temp_air,wind_speed,pressure_hpa\n'
    csv_rows 48 , 60
} >"$corpus/csv_read/generated-hourly.csv"
{
    printf 'Time;GHI [W/m2];DNI;DHI;Temperature;wspd;Pressure (hPa)\n'
    csv_rows 12 ';' 15
} >"$corpus/csv_read/generated-15min-semicolon.csv"
{
    printf 'datetime\tghi\tdni\tdhi\ttdry\twind_speed\tpressure\n'
    csv_rows 6 "$(printf '\t')" 5
} >"$corpus/csv_read/generated-5min-tab.csv"
printf 'timestamp,ghi,dni,dhi,temp_air,wind_speed\n2029-01-01T00:00:00+01:00,0,0,0,18,6\n2029-01-01 00:00 UTC,0,0,0,18,6\n2029-01-01T00:00-0330,0,0,0,18,6\n' \
    >"$corpus/csv_read/offsets.csv"

# --- set_override: assignments as `--set` takes them, one per line ------------------------
cat >"$corpus/set_override/typical" <<'EOF'
battery.energy_mwh=4000
wind_farms[0].turbine_count=120
targets.min_cfe_score=Some(0.95)
weather.seed=7
datacenter.cap_applies_to=It
meta.name="Team B"
EOF
cat >"$corpus/set_override/lists" <<'EOF'
datacenter.rack_groups[0].profile=[1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1]
datacenter.rack_groups[1].online_from=Some({"year":2027,"month":3})
optimizer.sensitivities=[{"name":"cheap batteries","battery_capex_factor":0.6}]
optimizer.solar_mwdc={"Between":{"min":100,"max":900}}
weather=Epw
EOF
cat >"$corpus/set_override/errors" <<'EOF'
battery.energy_mwhh=1
battery.round_trip_eff=1.2
wind_farms[3].turbine_count=1
wind_farms[0].turbine_count=many
battery.energy_mwh
[0]=1
EOF
cat >"$corpus/set_override/ron-values" <<'EOF'
optimizer.wind_mw=Between(min: 0, max: 1000000)
datacenter.rack_groups[0].online_from=Some((year: 2028, month: 3))
meta.name="Dakhla \u{e9}t\u{e9}"
datacenter.cooling=WeatherDriven((free_cooling_below_c: 18.0, mechanical_above_c: 27.0))
schema_version=1
EOF
copy set_override tests/fixtures/fuzz/set_override/*

# --- shard_merge: shard files written by the program, and damaged ones --------------------
copy shard_merge tests/malformed/shard-*.json tests/fixtures/fuzz/shard_merge/*

# --- writer: small trees of files, folders, links and pipes (see fuzz/checks.rs) ----------
copy writer tests/fixtures/fuzz/writer/*

for t in scenario_load epw_read csv_read set_override shard_merge writer; do
    echo "$t: $(ls "$corpus/$t" | wc -l) seed files"
done
