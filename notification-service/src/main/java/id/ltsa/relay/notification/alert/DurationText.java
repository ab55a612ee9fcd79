package id.ltsa.relay.notification.alert;

import java.time.Duration;

/**
 * "3 hari 4 jam" / "3 days 4 hours": an outage length a person reads at a glance, to the minute when it is short (and
 * to the second under a minute, which only a compressed demo or test ever shows).
 */
final class DurationText {

    private DurationText() {}

    static String indonesian(Duration duration) {
        return duration.toMinutes() == 0
                ? duration.toSeconds() + " detik"
                : write(duration, "hari", "hari", "jam", "jam", "menit", "menit");
    }

    static String english(Duration duration) {
        return duration.toMinutes() == 0
                ? duration.toSeconds() + " seconds"
                : write(duration, "day", "days", "hour", "hours", "minute", "minutes");
    }

    private static String write(
            Duration duration, String day, String days, String hour, String hours, String minute, String minutes) {
        long d = duration.toDays();
        long h = duration.toHoursPart();
        long m = duration.toMinutesPart();
        if (d > 0) {
            return unit(d, day, days) + (h > 0 ? " " + unit(h, hour, hours) : "");
        }
        if (h > 0) {
            return unit(h, hour, hours) + (m > 0 ? " " + unit(m, minute, minutes) : "");
        }
        return unit(m, minute, minutes);
    }

    private static String unit(long count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }
}
