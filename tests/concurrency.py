import threading

from django.db import connection


def run_in_threads(count: int, work) -> list:
    """Run work(0..count-1) in threads released together; return the errors raised.
    Each thread has its own database connection, closed when it ends."""
    barrier = threading.Barrier(count)
    errors: list = []

    def worker(index):
        try:
            barrier.wait()
            work(index)
        except Exception as error:  # collected and asserted on by the caller
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors
