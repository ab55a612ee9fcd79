package id.ltsa.relay.http;

import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The {@link HttpApiConfig} for a body sent without Content-Length (chunked), which {@link BodyLimitFilter} cannot check before
 * reading. The HTTP layer's own limit is set higher (quarkus.http.limits.max-body-size) because it answers a bare 413;
 * bodies between the two are counted here as they are read and refused with the problem.
 */
@Provider
public class ChunkedBodyLimit implements ReaderInterceptor {

    /**
     * An IOException, not a WebApplicationException: Jackson wraps runtime exceptions thrown while it reads a field
     * into a mapping error (a 400 on that field), but passes the stream's own IOExceptions through.
     */
    static final class TooLarge extends IOException {

        final long limit;

        TooLarge(long limit) {
            super("The body is over " + limit + " bytes");
            this.limit = limit;
        }
    }

    private final long maxBodyBytes;

    ChunkedBodyLimit(HttpApiConfig limit) {
        this.maxBodyBytes = limit.maxBodyBytes();
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setInputStream(new Counted(context.getInputStream()));
        return context.proceed();
    }

    private final class Counted extends FilterInputStream {

        private long read;

        Counted(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > maxBodyBytes) {
                throw new TooLarge(maxBodyBytes);
            }
        }
    }
}
