package dev.dermaguard.intake.rest;

/** The examples of the OpenAPI document, as an integrator would send and receive them. */
final class Examples {

    static final String SESSION = """
            {"eventId":"0b9f2c1e-8d3a-4f8e-9c55-1a2b3c4d5e6f","userId":"u-123","performedAt":"2026-11-20T21:00:00Z",
             "area":"CHEEKS","needleDepthMm":0.5,"device":"ROLLER","setting":"HOME","skinType":"IV",
             "symptomsBefore":["REDNESS"],"deviceUses":12,"deviceDisinfected":true,"goal":"ACNE_SCARS"}""";
    static final String SESSION_2 = """
            {"eventId":"5d0c6a0e-2f4b-4c1d-8a7e-3b9f1e2d4c6a","userId":"u-123","performedAt":"2026-11-27T21:00:00+01:00",
             "area":"FOREHEAD","needleDepthMm":0.25,"device":"PEN"}""";
    static final String CHECK_IN = """
            {"eventId":"7a1e4c2b-9d3f-4e8a-b6c5-2f1d0e9c8b7a","userId":"u-123","reportedAt":"2026-11-22T09:00:00Z",
             "area":"CHEEKS","symptoms":["REDNESS","SWELLING"]}""";
    static final String CONSENT = """
            {"eventId":"3c2b1a09-8f7e-4d6c-a5b4-c3d2e1f0a9b8","userId":"u-123","clinicId":"demo-clinic","granted":true,
             "changedAt":"2026-11-21T10:00:00Z"}""";
    static final String ACCEPTED = """
            {"eventId":"0b9f2c1e-8d3a-4f8e-9c55-1a2b3c4d5e6f","status":"ACCEPTED"}""";
    static final String BATCH_ACCEPTED = """
            {"results":[{"eventId":"0b9f2c1e-8d3a-4f8e-9c55-1a2b3c4d5e6f","status":"ACCEPTED"},
                        {"eventId":"5d0c6a0e-2f4b-4c1d-8a7e-3b9f1e2d4c6a","status":"ACCEPTED"}]}""";
    static final String BATCH_INVALID = """
            {"type":"about:blank","title":"Bad Request","status":400,
             "detail":"Nothing was published: 2 item(s) of the batch are invalid",
             "errors":[{"field":"[1].needleDepthMm","message":"must be less than or equal to 3.0"},
                       {"field":"[3].area","message":"must be one of FOREHEAD, CHEEKS, NOSE, CHIN, UPPER_LIP, UNDER_EYES, NECK, DECOLLETAGE, SCALP, HANDS, BODY"}]}""";
    static final String BATCH_UNCONFIRMED = """
            {"type":"about:blank","title":"Service Unavailable","status":503,
             "detail":"1 of 2 events could not be confirmed as stored. Retry the batch with the same eventIds: each event takes effect once.",
             "results":[{"eventId":"0b9f2c1e-8d3a-4f8e-9c55-1a2b3c4d5e6f","status":"ACCEPTED"},
                        {"eventId":"5d0c6a0e-2f4b-4c1d-8a7e-3b9f1e2d4c6a","status":"UNKNOWN"}]}""";

    private Examples() {
    }
}
