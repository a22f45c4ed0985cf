package dev.dermaguard.notify.rest;

/** The examples of the OpenAPI document, as an app, a clinic or an operator receives them. */
final class Examples {

    /** The alert as published; {@code clinicId} is null on microneedling.alerts and the clinic's own on its topic. */
    private static final String ALERT_FIELDS = """
            "rule":"HEALING_GAP","severity":"MODERATE","area":"CHEEKS",
             "summary":"Repeat needling of the cheeks before the healing interval had passed.",
             "message":"You needled your cheeks again before the skin had healed from the last session there. ... consult a dermatologist if redness or irritation does not settle.",
             "detail":"Session on the cheeks 1 day after the previous one there; the healing interval for the depth used is 7 days.",
             "evidence":{"eventIds":["0b9f2c1e-8d3a-4f8e-9c55-1a2b3c4d5e6f","5d0c6a0e-2f4b-4c1d-8a7e-3b9f1e2d4c6a"],
                         "observed":"PT24H","threshold":"PT168H"},
             "sourceEventId":"5d0c6a0e-2f4b-4c1d-8a7e-3b9f1e2d4c6a","assessmentId":"9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b",
             "escalated":false,"occurrences":1,"createdAt":"2026-11-21T21:00:01.530Z","ruleSetVersion":"1"}""";
    private static final String ALERT_ID = """
            {"alertId":"4f3e2d1c-0b9a-4887-a665-544332211000","appId":"demo-app","userId":"u-123",""";
    static final String USER_ALERTS = "[" + ALERT_ID + "\"clinicId\":null," + ALERT_FIELDS + "]";
    static final String CLINIC_ALERTS = "[{\"cursor\":42,\"alert\":" + ALERT_ID + "\"clinicId\":\"demo-clinic\","
            + ALERT_FIELDS + "}]";
    static final String STREAM = """
            : heartbeat

            id: 42
            event: alert
            data: {"alertId":"4f3e2d1c-0b9a-4887-a665-544332211000","appId":"demo-app","userId":"u-123","clinicId":"demo-clinic","rule":"HEALING_GAP",...}

            """;
    static final String AUDIT = """
            [{"id":1207,"at":"2026-11-21T21:05:00.114Z","actorRole":"clinic","actorId":"demo-clinic",
              "action":"clinic.alerts.read","subject":"clinic demo-clinic","detail":"1 alerts, cursors 42..42"}]""";
    static final String OFFBOARDED = """
            {"clinicId":"demo-clinic","consentsEnded":3,"pendingDeliveriesDeleted":0}""";

    private Examples() {
    }
}
