package id.lumbung.registry.rest;

import java.util.concurrent.atomic.AtomicInteger;

/** Household request bodies for tests: a Karangkebagusan (Jepara) family with unique NIK and KK. */
final class Households {

    private static final AtomicInteger SERIAL = new AtomicInteger((int) (System.nanoTime() % 5000) + 1);

    private Households() {
    }

    /** Four digits; the last three (a NIK's serial in these tests) are never 000, which no NIK may end in. */
    static String serial() {
        int n;
        do {
            n = SERIAL.incrementAndGet() % 9999 + 1;
        } while (n % 1000 == 0);
        return "%04d".formatted(n);
    }

    /** Head born 1 Jul 1985 (male), wife born 1 Jul 1987 (NIK day + 40). */
    static String family(String village, int desil) {
        String s = serial();
        return """
                {
                  "noKk": "332006010120%s",
                  "villageCode": "%s",
                  "address": "Jl. Kartini No. 5",
                  "rt": "002", "rw": "003",
                  "socioEconomic": {"floorAreaM2": 36.0, "wallType": "BAMBU", "electricityVa": 450,
                                    "assets": ["SEPEDA_MOTOR"], "livestock": {"KAMBING": 2}, "kksCard": true},
                  "desil": %d, "desilPeriod": "2025-Q4",
                  "members": [
                    {"nik": "3320060107850%s", "fullName": "Slamet Riyadi", "sex": "MALE", "birthDate": "1985-07-01",
                     "relationship": "KEPALA_KELUARGA", "employment": []},
                    {"nik": "3320064107870%s", "fullName": "Siti Aminah", "sex": "FEMALE", "birthDate": "1987-07-01",
                     "relationship": "ISTRI", "employment": ["PERANGKAT_DESA"]}
                  ]
                }""".formatted(s, village, desil, s.substring(1), s.substring(1));
    }
}
