/* Synthesised sound effects: every effect has sound in it, stays within
 * 16-bit range, and is short enough not to drag. */
#include <stdlib.h>

#include "sfx.h"
#include "testlib.h"

int main(void)
{
    const int rate = 44100;
    for (int id = 0; id < SFX_COUNT; id++) {
        int n = sfx_length((SfxId)id, rate);
        CHECK(n > rate / 100);
        CHECK(n < rate * 2);
        int16_t *buf = malloc(sizeof *buf * (size_t)n);
        CHECK(buf != NULL);
        if (!buf)
            continue;
        CHECK_INT(sfx_render((SfxId)id, rate, buf, n), n);
        int peak = 0;
        for (int i = 0; i < n; i++) {
            int v = buf[i] < 0 ? -buf[i] : buf[i];
            if (v > peak)
                peak = v;
        }
        CHECK(peak > 2000);
        CHECK(abs(buf[n - 1]) < 2000); /* fades out: no click at the end */
        free(buf);
    }
    CHECK_INT(sfx_length(SFX_COUNT, rate), 0);
    return testlib_finish();
}
