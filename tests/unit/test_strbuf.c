/* strbuf_append: appends, formats, and cuts at the end of the buffer
 * without overflowing. */
#include <string.h>

#include <stdlib.h>

#include "strbuf.h"
#include "testlib.h"

int main(void)
{
    char buf[16] = "";
    strbuf_append(buf, sizeof buf, "%d min", 12);
    strbuf_append(buf, sizeof buf, ", %s", "Billing");
    CHECK_STR(buf, "12 min, Billing");
    strbuf_append(buf, sizeof buf, " and more");
    CHECK_STR(buf, "12 min, Billing");        /* full: nothing more fits */
    char small[8] = "abc";
    strbuf_append(small, sizeof small, "%s", "defghijk");
    CHECK_STR(small, "abcdefg");              /* cut, still terminated */
    CHECK_INT(strlen(small), 7);
    char guard[12];
    memset(guard, 'x', sizeof guard);
    guard[4] = '\0';
    strbuf_append(guard, 5, "%s", "zz");      /* already full at size 5 */
    CHECK_INT(guard[5], 'x');
    /* strbuf_format: as long as it needs, never cut */
    char long_name[700];
    memset(long_name, 'n', sizeof long_name - 1);
    long_name[sizeof long_name - 1] = '\0';
    char *said = strbuf_format("Start with %s (%d%%).", long_name, 70);
    CHECK(said != NULL);
    CHECK_INT(strlen(said), 11 + 699 + 7);
    CHECK(strncmp(said + strlen(said) - 7, " (70%).", 7) == 0);
    free(said);
    return testlib_finish();
}
