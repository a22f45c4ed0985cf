package dev.dermaguard.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.utils.Utils;

import dev.dermaguard.infra.Infrastructure;

/**
 * Users with a long past, written straight into risk-service's {@code needling_session} (posting a million sessions
 * would take longer than the whole run), and the events that then arrive for them.
 * <p>
 * A history's sessions lie where no rule window of the new events reaches (more than 460 days back), so the new
 * events raise nothing and any cost that grows with the history is a query that reads more than its window. A dense
 * month lies in the last 30 days instead, where every window of a new event sees it.
 */
final class History {

    private static final String[] AREAS = {"FOREHEAD", "CHEEKS", "NOSE", "CHIN", "UPPER_LIP", "UNDER_EYES", "NECK",
            "DECOLLETAGE", "SCALP", "HANDS", "BODY"};
    /** New events for a user sit 3 days apart per area, all areas on one day: no 0.25 mm rule fires. */
    private static final int DAYS_APART = 3;

    private final Database database;

    History(Database database) {
        this.database = database;
    }

    /**
     * Ten user ids (or {@code count}) starting with {@code prefix}, whose record keys go to distinct partitions as
     * far as there are partitions: the history's cost is then spread over risk-service's partitions as real users'
     * would be.
     */
    static List<String> usersOverPartitions(String prefix, int count) {
        List<String> users = new ArrayList<>();
        boolean[] taken = new boolean[Infrastructure.PARTITIONS];
        for (int n = 0; users.size() < count; n++) {
            String user = prefix + n;
            int partition = Utils.toPositive(Utils.murmur2(("demo-app:" + user).getBytes(StandardCharsets.UTF_8)))
                    % Infrastructure.PARTITIONS;
            if (!taken[partition] || users.size() >= Infrastructure.PARTITIONS) {
                taken[partition] = true;
                users.add(user);
            }
        }
        return users;
    }

    /**
     * Writes {@code sessions} 0.25 mm home sessions per user, {@code spacing} apart going back from {@code newest},
     * the areas in turn.
     */
    void seed(List<String> users, int sessions, OffsetDateTime newest, Duration spacing) throws Exception {
        try (Connection connection = database.open(Database.RISK);
             PreparedStatement insert = connection.prepareStatement("""
                     insert into needling_session (event_id, app_id, user_id, area, performed_at, utc_offset_seconds,
                         needle_depth_mm, device, setting)
                     select gen_random_uuid(), 'demo-app', ?, (?::text[])[1 + i % ?], ? - i * (? * interval '1 second'),
                         0, 0.25, 'ROLLER', 'HOME'
                     from generate_series(0, ? - 1) i""")) {
            for (String user : users) {
                insert.setString(1, user);
                insert.setArray(2, connection.createArrayOf("text", AREAS));
                insert.setInt(3, AREAS.length);
                insert.setObject(4, newest);
                insert.setLong(5, spacing.toSeconds());
                insert.setInt(6, sessions);
                insert.executeUpdate();
            }
        }
    }

    /** Seeds a past {@code sessions} long for each user, far back, out of every window of the events that follow. */
    void seedFarPast(List<String> users, int sessions) throws Exception {
        seed(users, sessions, OffsetDateTime.now(ZoneOffset.UTC).minusDays(460), Duration.ofMinutes(30));
    }

    /** Seeds {@code sessions} per user in the last 30 days. */
    void seedDenseMonth(List<String> users, int sessions) throws Exception {
        seed(users, sessions, OffsetDateTime.now(ZoneOffset.UTC).minusHours(1),
                Duration.ofDays(30).dividedBy(sessions));
    }

    /**
     * New sessions for these users, in turn: each user's k-th on area k mod 11, {@code 3 * (k / 11) + 1} days back,
     * so none raises a finding over a far past (at most 1,463 events per user, within intake's 400 days).
     */
    static Mix spread(List<String> users) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
        return n -> {
            long k = n / users.size();
            return Mix.session(users.get((int) (n % users.size())),
                    now.minusDays(1 + DAYS_APART * (k / AREAS.length)), AREAS[(int) (k % AREAS.length)], "0.25",
                    false);
        };
    }

    /** New sessions at the moment for users with a dense month: each may raise findings, and alerts are not awaited. */
    static Mix current(List<String> users) {
        OffsetDateTime performedAt = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1).withNano(0);
        return n -> Mix.session(users.get((int) (n % users.size())), performedAt.minusSeconds(n),
                AREAS[(int) (n % AREAS.length)], "0.25", false);
    }
}
