package org.jakartamcp.conformance;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;

/** Test-only: the smallest valid image and sound. */
final class Media {

    static final byte[] RED_PIXEL_PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    private Media() {
    }

    /** A WAV file of one silent 16-bit mono sample at 8 kHz. */
    static byte[] silentWav() {
        ByteBuffer wav = ByteBuffer.allocate(46).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes()).putInt(38).put("WAVE".getBytes())
                .put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(8000).putInt(16000)
                .putShort((short) 2).putShort((short) 16)
                .put("data".getBytes()).putInt(2).putShort((short) 0);
        return wav.array();
    }
}
