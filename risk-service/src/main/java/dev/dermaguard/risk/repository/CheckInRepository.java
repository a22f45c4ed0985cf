package dev.dermaguard.risk.repository;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.contract.events.Risk;
import dev.dermaguard.contract.events.RuleName;
import dev.dermaguard.contract.events.SymptomCheckIn;
import dev.dermaguard.support.kafka.EventCodec;
import dev.dermaguard.persistence.NativeSql;
import dev.dermaguard.risk.repository.SessionRepository.Point;

/**
 * Check-ins and what their latest judgements found, by reported times ({@link HistoryQueries}): a finding stands
 * on an area from its check-in until the next all-clear check-in there, whatever order they arrived in.
 */
@ApplicationScoped
public class CheckInRepository {

    private static final String INSERT_FINDING = """
            insert into check_in_finding (app_id, user_id, area, rule, reported_at, check_in_id, risk)
            values (:app, :user, :area, :rule, :at, :id, :risk)""";

    /** Before anything anyone reported: the bound when an area never had an all-clear. */
    public static final OffsetDateTime BEGINNING = OffsetDateTime.parse("0001-01-01T00:00:00Z");

    private final EventCodec codec;

    public CheckInRepository(EventCodec codec) {
        this.codec = codec;
    }

    /** The check-ins on the point's area from the point (included) to {@code until} (excluded), ordered by time. */
    public Uni<List<StoredCheckIn>> onAreaFrom(Point p, OffsetDateTime until) {
        return NativeSql.list(HistoryQueries.CHECK_INS_FROM, StoredCheckIn.class, SessionRepository.onArea(p, Map.of(
                "from", SessionRepository.utc(p.instant()), "to", SessionRepository.utc(until.toInstant()))));
    }

    /**
     * Keeps what the check-in's latest judgement found; when it is judged {@code again}, in place of what an
     * earlier one did (a first judgement has nothing to replace).
     */
    public Uni<Void> judged(SymptomCheckIn checkIn, List<Risk> risks, boolean again) {
        Point p = new Point(checkIn.appId(), checkIn.userId(), checkIn.area(), checkIn.reportedAt());
        return (again ? NativeSql.update("delete from check_in_finding where app_id = ?1 and check_in_id = ?2",
                        checkIn.appId(), checkIn.eventId()) : Uni.createFrom().item(0))
                .flatMap(deleted -> Multi.createFrom().iterable(risks)
                        .onItem().transformToUniAndConcatenate(risk -> NativeSql.update(INSERT_FINDING,
                                SessionRepository.onArea(p, Map.of("rule", risk.rule().name(),
                                        "at", SessionRepository.utc(p.instant()), "id", checkIn.eventId(),
                                        "risk", codec.write(risk)))))
                        .collect().last())
                .replaceWithVoid();
    }

    /** Per rule, the finding standing on the point's area at its moment: the latest since the last all-clear. */
    public Uni<Map<RuleName, Risk>> standing(Point p, Collection<RuleName> rules) {
        return NativeSql.<String>rows(HistoryQueries.STANDING_FINDINGS, SessionRepository.onArea(p, Map.of(
                        "rules", rules.stream().map(Enum::name).toList(), "at", SessionRepository.utc(p.instant()),
                        "beginning", BEGINNING)))
                .map(rows -> {
                    Map<RuleName, Risk> found = new EnumMap<>(RuleName.class);
                    rows.forEach(row -> {
                        Risk risk = codec.read(row, Risk.class);
                        found.put(risk.rule(), risk);
                    });
                    return found;
                });
    }

    /** The earliest all-clear on the point's area after its moment. */
    public Uni<Optional<OffsetDateTime>> nextAllClear(Point p) {
        return allClear(HistoryQueries.NEXT_ALL_CLEAR, p);
    }

    private static Uni<Optional<OffsetDateTime>> allClear(String sql, Point p) {
        return NativeSql.list(sql, OffsetDateTime.class,
                        SessionRepository.onArea(p, Map.of("at", SessionRepository.utc(p.instant()))))
                .map(rows -> rows.stream().findFirst());
    }
}
