package org.jakartamcp.oauth.web;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.util.Iterator;

/**
 * A form posted with a view state this session does not have (an expired session, a restart, or a
 * forged cross-site post) is the client's problem, not the server's: the browser is sent to the
 * "expired" page (303 then 200) instead of an error 500, and nothing of the post is acted on.
 */
public class ExpiredViewHandler extends ExceptionHandlerWrapper {

    public ExpiredViewHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() throws FacesException {
        Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
        while (events.hasNext()) {
            Throwable thrown = events.next().getContext().getException();
            if (thrown instanceof ViewExpiredException || thrown.getCause() instanceof ViewExpiredException) {
                events.remove();
                FacesContext faces = FacesContext.getCurrentInstance();
                try {
                    faces.getExternalContext().redirect(faces.getExternalContext().getRequestContextPath() + "/expired.xhtml");
                } catch (IOException e) {
                    throw new FacesException(e);
                }
                faces.responseComplete();
            }
        }
        getWrapped().handle();
    }

    /** Registered in faces-config.xml. */
    public static class Factory extends ExceptionHandlerFactory {

        public Factory(ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new ExpiredViewHandler(getWrapped().getExceptionHandler());
        }
    }
}
