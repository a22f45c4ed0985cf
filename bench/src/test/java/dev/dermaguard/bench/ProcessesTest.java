package dev.dermaguard.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProcessesTest {

    @Test
    void residentMemoryFromProcStatus() {
        String status = """
                Name:\tjava
                VmPeak:\t 4000000 kB
                VmRSS:\t  393216 kB
                RssAnon:\t  300000 kB
                """;

        assertEquals(384, Processes.rssMb(status));
    }

    @Test
    void aProcessWithoutMemoryLinesHasNone() {
        assertEquals(0, Processes.rssMb("Name:\tzombie\n"));
    }
}
