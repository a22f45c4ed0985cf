package dev.dermaguard.risk.rules;

import java.time.Duration;

/** Durations as people read them: "2 days 4 hours", "36 hours", "7 days". */
final class Durations {

    private Durations() {
    }

    static String words(Duration duration) {
        long hours = duration.toHours();
        if (hours < 48) {
            return hours == 1 ? "1 hour" : hours + " hours";
        }
        long days = duration.toDays();
        long rest = hours - days * 24;
        String text = days + " days";
        return rest == 0 ? text : text + " " + rest + (rest == 1 ? " hour" : " hours");
    }
}
