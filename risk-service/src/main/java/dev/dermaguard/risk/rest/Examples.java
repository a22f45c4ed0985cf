package dev.dermaguard.risk.rest;

/** The examples of the OpenAPI document, as an app backend receives them. */
final class Examples {

    static final String RISK = """
            {"rule":"HEALING_GAP","severity":"MODERATE","summary":"Needled again before the skin healed",
             "detail":"A session on CHEEKS came 1 day after the previous one; at 0.5 mm the skin needs 7 days to heal.",
             "evidence":{"eventIds":["0b9f2c1e-8d3a-4f8e-9c55-1a2b3c4d5e6f","5d0c6a0e-2f4b-4c1d-8a7e-3b9f1e2d4c6a"],
                         "observed":"PT24H","threshold":"PT168H"},
             "nextSafeSessionAt":"2026-11-27T21:00:00Z"}""";
    static final String RISK_PROFILE = """
            {"userId":"u-123","ruleSetVersion":"1","areas":[{"area":"CHEEKS",
             "lastSession":{"eventId":"5d0c6a0e-2f4b-4c1d-8a7e-3b9f1e2d4c6a","performedAt":"2026-11-21T21:00:00Z",
                            "needleDepthMm":0.5,"setting":"HOME"},
             "openRisks":[""" + RISK + """
            ],
             "nextSafeSessionAt":"2026-11-28T21:00:00Z","waitForAllClear":[]}]}""";
    static final String ASSESSMENTS = """
            [{"assessmentId":"9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b","sourceEventId":"5d0c6a0e-2f4b-4c1d-8a7e-3b9f1e2d4c6a",
              "appId":"demo-app","userId":"u-123","area":"CHEEKS","sourceEventAt":"2026-11-21T21:00:00Z",
              "assessedAt":"2026-11-21T21:00:01.204Z","ruleSetVersion":"1","risks":[""" + RISK + """
            ]}]""";

    private Examples() {
    }
}
