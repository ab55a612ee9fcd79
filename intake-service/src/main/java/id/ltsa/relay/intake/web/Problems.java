package id.ltsa.relay.intake.web;

import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.http.FieldError;
import id.ltsa.relay.http.HttpProblems;
import id.ltsa.relay.http.Problem;
import java.util.List;

/**
 * Every problem intake answers with, by name. The code answers with these and the OpenAPI document shows the same
 * ones as its examples ({@code application.ApiExamples}), so what a district office's programmer reads is what they
 * get.
 */
public final class Problems {

    private Problems() {}

    public static Problem invalid(List<FieldError> errors) {
        return HttpProblems.invalid(errors);
    }

    public static Problem notFound() {
        return HttpProblems.notFound("No such application");
    }

    public static Problem duplicateApplication() {
        return Problem.of(
                "duplicate-application",
                "Duplicate application",
                409,
                "This NIK already has an open application for this document type");
    }

    public static Problem cannotWithdraw(ApplicationStatus status) {
        return invalidState("An application that is " + status + " cannot be withdrawn");
    }

    public static Problem notAmendable(ApplicationStatus status) {
        return invalidState("Only a RETURNED application can be amended; this one is " + status);
    }

    public static Problem notErasable(ApplicationStatus status) {
        return invalidState(
                "Only a final application's personal data can be erased (withdraw it first); this one is " + status);
    }

    private static Problem invalidState(String detail) {
        return Problem.of("invalid-state", "Not allowed in this state", 409, detail);
    }

    public static Problem idempotencyKeyInUse() {
        return Problem.of(
                "idempotency-key-in-use",
                "Idempotency key in use",
                409,
                "A request with this Idempotency-Key is still being processed; retry shortly");
    }

    public static Problem idempotencyKeyReused() {
        return Problem.of(
                "idempotency-key-reused",
                "Idempotency key reused",
                422,
                "This Idempotency-Key was used with a different request body");
    }

    public static Problem tooManyRequests() {
        return Problem.of("too-many-requests", "Too many requests", 429, "Too many tracking lookups from this address");
    }

    public static Problem diskFull() {
        return Problem.of(
                "disk-full",
                "Storage full",
                503,
                "The office server's disk is nearly full, so nothing was stored; retry after the given seconds. "
                        + "Ops: free space on the server (docs/runbook.md, \"Disk filling\")");
    }

    public static Problem overloaded() {
        return Problem.of(
                "overloaded", "Busy", 503, "Too many registrations at this moment; retry after the given seconds");
    }
}
