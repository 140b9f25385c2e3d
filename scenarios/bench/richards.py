# Richards: Martin Richards' simulation of an operating system's task scheduler. An idle task,
# a worker, two handlers and two devices pass packets through queues; the scheduler runs the
# highest-priority task that is ready. The counts of packets queued and of holds are the check.
IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(1, 7)
DEVICE_PACKET, WORK_PACKET = 0, 1
BUFFER_SIZE = 4


class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFFER_SIZE

    def append_to(self, queue):
        # Appends this packet at the end of the queue that starts with `queue`; the new head.
        self.link = None
        if queue is None:
            return self
        p = queue
        while p.link is not None:
            p = p.link
        p.link = self
        return queue


class Task:
    def __init__(self, scheduler, ident, priority, queue, state):
        self.scheduler = scheduler
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.packet_pending, self.waiting, self.holding = state
        self.link = scheduler.tasks
        scheduler.tasks = self
        scheduler.table[ident] = self

    def blocked(self):
        # Held, or waiting with no packet to wake it.
        return self.holding or (self.waiting and not self.packet_pending)

    def add_packet(self, packet, previous):
        # A packet arrives: queued; the task runs next if it outranks the one that sent it.
        if self.queue is None:
            self.queue = packet
            self.packet_pending = True
            if self.priority > previous.priority:
                return self
        else:
            self.queue = packet.append_to(self.queue)
        return previous

    def step(self):
        # A task that waited and has a packet takes it; running again clears its state.
        packet = None
        if self.packet_pending and self.waiting and not self.holding:
            packet = self.queue
            self.queue = packet.link
            self.packet_pending = self.queue is not None
            self.waiting = self.holding = False
        return self.run(packet)


class IdleTask(Task):
    def __init__(self, scheduler, count):
        super().__init__(scheduler, IDLE, 1, None, (False, False, False))
        self.control = 1
        self.count = count

    def run(self, packet):
        s = self.scheduler
        self.count -= 1
        if self.count == 0:
            return s.hold_current()
        if self.control & 1 == 0:
            self.control >>= 1
            return s.release(DEVICE_A)
        self.control = (self.control >> 1) ^ 0xD008
        return s.release(DEVICE_B)


class WorkerTask(Task):
    def __init__(self, scheduler, queue):
        super().__init__(scheduler, WORKER, 1000, queue, (True, True, False))
        self.destination = HANDLER_A
        self.count = 0

    def run(self, packet):
        s = self.scheduler
        if packet is None:
            return s.wait_current()
        self.destination = HANDLER_A if self.destination == HANDLER_B else HANDLER_B
        packet.ident = self.destination
        packet.datum = 0
        for i in range(BUFFER_SIZE):
            self.count += 1
            if self.count > 26:
                self.count = 1
            packet.data[i] = ord("A") + self.count - 1
        return s.queue_packet(packet)


class HandlerTask(Task):
    def __init__(self, scheduler, ident, priority, queue):
        super().__init__(scheduler, ident, priority, queue, (True, True, False))
        self.work = None
        self.devices = None

    def run(self, packet):
        s = self.scheduler
        if packet is not None:
            if packet.kind == WORK_PACKET:
                self.work = packet.append_to(self.work)
            else:
                self.devices = packet.append_to(self.devices)
        if self.work is not None:
            work = self.work
            index = work.datum
            if index >= BUFFER_SIZE:
                self.work = work.link
                return s.queue_packet(work)
            if self.devices is not None:
                device = self.devices
                self.devices = device.link
                device.datum = work.data[index]
                work.datum = index + 1
                return s.queue_packet(device)
        return s.wait_current()


class DeviceTask(Task):
    def __init__(self, scheduler, ident, priority):
        super().__init__(scheduler, ident, priority, None, (False, True, False))
        self.pending = None

    def run(self, packet):
        s = self.scheduler
        if packet is None:
            if self.pending is None:
                return s.wait_current()
            packet, self.pending = self.pending, None
            return s.queue_packet(packet)
        self.pending = packet
        return s.hold_current()


class Scheduler:
    def __init__(self):
        self.tasks = None
        self.table = [None] * 7
        self.current = None
        self.queued = 0
        self.holds = 0

    def release(self, ident):
        task = self.table[ident]
        task.holding = False
        return task if task.priority > self.current.priority else self.current

    def hold_current(self):
        self.holds += 1
        self.current.holding = True
        return self.current.link

    def wait_current(self):
        self.current.waiting = True
        return self.current

    def queue_packet(self, packet):
        task = self.table[packet.ident]
        self.queued += 1
        packet.link = None
        packet.ident = self.current.ident
        return task.add_packet(packet, self.current)

    def schedule(self):
        task = self.tasks
        while task is not None:
            if task.blocked():
                task = task.link
            else:
                self.current = task
                task = task.step()


def richards(count):
    s = Scheduler()
    IdleTask(s, count)
    work = Packet(None, 0, WORK_PACKET)
    work = Packet(work, 0, WORK_PACKET)
    WorkerTask(s, work)
    queue = Packet(None, DEVICE_A, DEVICE_PACKET)
    queue = Packet(queue, DEVICE_A, DEVICE_PACKET)
    queue = Packet(queue, DEVICE_A, DEVICE_PACKET)
    HandlerTask(s, HANDLER_A, 2000, queue)
    queue = Packet(None, DEVICE_B, DEVICE_PACKET)
    queue = Packet(queue, DEVICE_B, DEVICE_PACKET)
    queue = Packet(queue, DEVICE_B, DEVICE_PACKET)
    HandlerTask(s, HANDLER_B, 3000, queue)
    DeviceTask(s, DEVICE_A, 4000)
    DeviceTask(s, DEVICE_B, 5000)
    s.schedule()
    return s.queued, s.holds


for _ in range(4):
    print(richards(10000))
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | (23246, 9297)
# | (23246, 9297)
# | (23246, 9297)
# | (23246, 9297)
